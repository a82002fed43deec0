package com.lucid.payment.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend made durable and fit for the engine's queries. The stock backend commits the MVStore
 * in the background once a second, so a SIGKILL loses up to a second of writes that were already acknowledged
 * (measured in shared/reference/dependencies.md); here every command that may have changed the store returns its
 * reply only after a commit that covers its change, and concurrent commands share one commit ({@link GroupCommit}).
 * Documents are stored as BSON ({@link BsonDocuments}); the _id index is the document map itself and serves any query
 * naming an _id ({@link IdIndex}); secondary indexes are kept in memory ({@link MemoryIndex}, and
 * {@link OrderedIndex} for ranges of time) and counts use them
 * ({@link IndexCounts}): the stock backend reads every document of a collection for each of those queries.
 */
final class DurableH2Backend extends H2Backend {
  /** How long superseded chunks are kept before their space is reused; low, or the file balloons under commits. */
  private static final int RETENTION_MS = 2_000;
  /** Commands that never write (lower case); any other command waits for a commit. */
  private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate", "killcursors",
      "ping", "hello", "ismaster", "buildinfo", "listcollections", "listindexes", "listdatabases", "serverstatus",
      "getlasterror", "getparameter", "whatsmyuri", "endsessions", "dbstats", "collstats", "hostinfo", "getlog");

  /**
   * Documents per B-tree leaf (H2's default is 48). A commit writes every leaf that changed whole, so with payouts
   * of a few KB each (their audit trail inside), smaller leaves mean far less re-encoding per changed payout.
   */
  private static final int KEYS_PER_PAGE = 8;
  /** Chunks are rewritten once less than this share of them is live (H2's default, 90, rewrote almost constantly). */
  private static final int COMPACT_BELOW_PERCENT = 50;

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
    MVStore store = new MVStore.Builder().fileName(file.toString()).keysPerPage(KEYS_PER_PAGE)
        .autoCompactFillRate(COMPACT_BELOW_PERCENT).open();
    store.setRetentionTime(RETENTION_MS);
    return new DurableH2Backend(store, fsync);
  }

  // called from the super constructor too (opening the databases of an existing file): it must not use fields
  @Override
  protected MongoDatabase openOrCreateDatabase(String name) {
    return new Database(name);
  }

  /** The document map of a collection, opened with the BSON type before the H2 backend opens it with its own. */
  private MVMap<Object, Document> documents(String namespace) {
    return getMvStore().openMap("databases." + namespace,
        new MVMap.Builder<Object, Document>().valueType(BsonDocuments.TYPE));
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

  /**
   * The H2 database with the collections and indexes above. An inner class: H2Database opens the collections and
   * indexes of an existing file from its constructor, before a field of a subclass could be set, and an inner class
   * can already reach the backend (and so the MVStore) then.
   */
  private final class Database extends H2Database {
    Database(String name) {
      super(name, getMvStore(), getCursorRegistry());
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
      documents(getFullCollectionNamespace(collection));
      return super.openOrCreateCollection(collection, options);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
        boolean sparse) {
      return IdIndex.replaces(keys)
          ? new IdIndex(documents(getFullCollectionNamespace(collection)), indexName, keys, sparse)
          : super.openOrCreateUniqueIndex(collection, indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collection, String indexName, List<IndexKey> keys,
        boolean sparse) {
      if (OrderedIndex.supports(keys)) {
        return new OrderedIndex(indexName, keys, sparse);
      }
      return MemoryIndex.supports(keys) ? new MemoryIndex(indexName, keys, sparse)
          : super.openOrCreateSecondaryIndex(collection, indexName, keys, sparse);
    }
  }
}
