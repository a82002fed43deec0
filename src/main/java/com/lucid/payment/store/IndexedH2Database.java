package com.lucid.payment.store;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend's database with secondary indexes kept in memory ({@link MemoryIndex}) instead of ignored, and an
 * _id index that also serves queries naming an _id among other conditions ({@link IdIndex}).
 */
final class IndexedH2Database extends H2Database {
  IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
    super(name, store, cursors);
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
      boolean sparse) {
    Index<Object> unique = super.openOrCreateUniqueIndex(collection, indexName, keys, sparse);
    return IdIndex.wraps(keys) ? new IdIndex(unique, indexName, keys, sparse) : unique;
  }

  // called from the super constructor too (reopening the indexes of an existing file): it must not use fields
  @Override
  protected Index<Object> openOrCreateSecondaryIndex(String collection, String indexName, List<IndexKey> keys,
      boolean sparse) {
    return MemoryIndex.supports(keys) ? new MemoryIndex(indexName, keys, sparse)
        : super.openOrCreateSecondaryIndex(collection, indexName, keys, sparse);
  }
}
