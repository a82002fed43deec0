package com.lucid.payment.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with acknowledged writes made durable: the stock backend commits the MVStore in the
 * background once a second, so a SIGKILL loses up to a second of writes that were already acknowledged (measured in
 * shared/reference/dependencies.md). Here every command that changed the store commits before its reply is sent.
 */
final class DurableH2Backend extends H2Backend {
  /** How long superseded chunks are kept before their space is reused; low, or the file balloons under commits. */
  private static final int RETENTION_MS = 2_000;

  private final MVStore store;
  private final boolean fsync;

  private DurableH2Backend(MVStore store, boolean fsync) {
    super(store);
    this.store = store;
    this.fsync = fsync;
  }

  /** Opens (or creates) the store file; {@code fsync} also forces each commit to the disk (power-loss safe). */
  static DurableH2Backend open(Path file, boolean fsync) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).open();
    store.setRetentionTime(RETENTION_MS);
    return new DurableH2Backend(store, fsync);
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    Document reply = super.handleCommand(channel, database, command, query);
    if (store.hasUnsavedChanges()) {
      store.commit();
      if (fsync) {
        store.sync();
      }
    }
    return reply;
  }
}
