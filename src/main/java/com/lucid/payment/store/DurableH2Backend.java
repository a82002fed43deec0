package com.lucid.payment.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with acknowledged writes made durable: the stock backend commits the MVStore in the
 * background once a second, so a SIGKILL loses up to a second of writes that were already acknowledged (measured in
 * shared/reference/dependencies.md). Here every command that may have changed the store returns its reply only after
 * a commit that covers its change; concurrent commands share one commit ({@link GroupCommit}). Secondary indexes are
 * kept in memory ({@link MemoryIndex}) and counts use them ({@link IndexCounts}), where the stock backend scans.
 */
final class DurableH2Backend extends H2Backend {
  /** How long superseded chunks are kept before their space is reused; low, or the file balloons under commits. */
  private static final int RETENTION_MS = 2_000;
  /** Commands that never write (lower case); any other command waits for a commit. */
  private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate", "killcursors",
      "ping", "hello", "ismaster", "buildinfo", "listcollections", "listindexes", "listdatabases", "serverstatus",
      "getlasterror", "getparameter", "whatsmyuri", "endsessions", "dbstats", "collstats", "hostinfo", "getlog");

  private final MVStore store;
  private final GroupCommit commits;

  private DurableH2Backend(MVStore store, boolean fsync) {
    super(store);
    this.store = store;
    this.commits = new GroupCommit(() -> {
      store.commit();
      if (fsync) {
        store.sync();
      }
    });
  }

  /** Opens (or creates) the store file; {@code fsync} also forces each commit to the disk (power-loss safe). */
  static DurableH2Backend open(Path file, boolean fsync) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).open();
    store.setRetentionTime(RETENTION_MS);
    return new DurableH2Backend(store, fsync);
  }

  // called from the super constructor too (opening the databases of an existing file): it must not use fields
  @Override
  protected MongoDatabase openOrCreateDatabase(String name) {
    return new IndexedH2Database(name, getMvStore(), getCursorRegistry());
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    if (command.equalsIgnoreCase("aggregate")) {
      Optional<Document> counted = IndexCounts.answer(this, database, query);
      if (counted.isPresent()) {
        return counted.get();
      }
    }
    Document reply = super.handleCommand(channel, database, command, query);
    // by command, not only hasUnsavedChanges(): a concurrent commit in progress may already hide this change
    if (!READS.contains(command.toLowerCase(Locale.ROOT)) || store.hasUnsavedChanges()) {
      commits.awaitDurable();
    }
    return reply;
  }
}
