package com.lucid.payment.tron;

import com.lucid.payment.config.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signer's own memory, outside the store: every signature it gave (payout, txid, expiration, reference block),
 * which of them were proven dead, the re-signs an admin granted, and the payouts that are settled. A store writer who
 * rolls a payout back, deletes an attempt or revives a settled payout cannot make it sign again: it signs for a
 * payout only while nothing it signed before for it may still land. An append-only text file, one line per fact
 * ({@code S payout txid expiration refNumber refHash}, {@code X|F payout txid}, {@code G payout}, {@code C payout}),
 * written before the answer that depends on it; a torn last line (power loss) is dropped at start. Blocking: call it
 * off the event loop.
 */
final class SigningJournal implements AutoCloseable {
  /** One signature of a payout. */
  record Signature(String txid, long expirationMs, long refBlockNumber, String refHash) {}

  /**
   * What the journal knows of one payout.
   *
   * @param dead txids proven unable to land, with whether each expired (else it failed on chain)
   */
  record Payout(List<Signature> signatures, Map<String, Boolean> dead, int grants, boolean closed) {
    static final Payout NONE = new Payout(List.of(), Map.of(), 0, false);

    /** Signatures not yet proven dead. */
    List<Signature> live() {
      return signatures.stream().filter(s -> !dead.containsKey(s.txid())).toList();
    }

    /** Attempts of this payout proven expired unincluded. */
    long expired() {
      return dead.values().stream().filter(Boolean::booleanValue).count();
    }
  }

  private final FileChannel file;
  private final boolean fsync;
  private final Map<String, Payout> payouts = new HashMap<>();

  private SigningJournal(FileChannel file, boolean fsync) {
    this.file = file;
    this.fsync = fsync;
  }

  /** Opens (creating it owner-only) and reads the journal. */
  static SigningJournal open(Path path, boolean fsync) {
    try {
      PrivateFiles.folder(path.toAbsolutePath().getParent(), "SIGNING_JOURNAL_FILE");
      if (!Files.exists(path)) {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      SigningJournal journal = new SigningJournal(channel, fsync);
      journal.replay(Files.readString(path, StandardCharsets.US_ASCII));
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the signing journal " + path, e);
    }
  }

  private void replay(String text) throws IOException {
    int end = text.lastIndexOf('\n') + 1;
    if (end < text.length()) {
      file.truncate(end);
    }
    for (String line : text.substring(0, end).split("\n")) {
      if (!line.isEmpty()) {
        apply(line.split(" "));
      }
    }
    file.position(end);
  }

  synchronized Payout of(String payoutId) {
    return payouts.getOrDefault(payoutId, Payout.NONE);
  }

  synchronized void signed(String payoutId, String txid, long expirationMs, long refBlockNumber, String refHash) {
    append("S", payoutId, txid, Long.toString(expirationMs), Long.toString(refBlockNumber), refHash);
  }

  /** Proven unable to land: {@code expired} unincluded, else failed on chain with no USDT moved. */
  synchronized void dead(String payoutId, String txid, boolean expired) {
    if (!of(payoutId).dead().containsKey(txid)) {
      append(expired ? "X" : "F", payoutId, txid);
    }
  }

  synchronized void granted(String payoutId) {
    append("G", payoutId);
  }

  synchronized void closed(String payoutId) {
    if (!of(payoutId).closed()) {
      append("C", payoutId);
    }
  }

  private void append(String... fields) {
    for (String field : fields) {
      if (field == null || field.isEmpty() || field.chars().anyMatch(c -> c <= ' ' || c > '~')) {
        throw new IllegalArgumentException("a journal field must be visible ASCII without spaces");
      }
    }
    byte[] line = (String.join(" ", fields) + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        file.write(buffer);
      }
      if (fsync) {
        file.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the signing journal", e);
    }
    apply(fields);
  }

  private void apply(String[] f) {
    Payout p = of(f[1]);
    List<Signature> signatures = new ArrayList<>(p.signatures());
    Map<String, Boolean> dead = new HashMap<>(p.dead());
    switch (f[0]) {
      case "S" -> signatures.add(new Signature(f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), f[5]));
      case "X", "F" -> dead.putIfAbsent(f[2], "X".equals(f[0]));
      case "G", "C" -> { }
      default -> throw new IllegalStateException("the signing journal has a line it does not know: " + f[0]);
    }
    payouts.put(f[1], new Payout(List.copyOf(signatures), Map.copyOf(dead), p.grants() + ("G".equals(f[0]) ? 1 : 0),
        p.closed() || "C".equals(f[0])));
  }

  @Override
  public synchronized void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
