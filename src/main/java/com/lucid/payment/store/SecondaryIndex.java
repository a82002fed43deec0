package com.lucid.payment.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every in-memory secondary index of the embedded store shares: no constraint, no position, no data size. */
abstract class SecondaryIndex extends Index<Object> {
  SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
  }

  /** A non-unique index: it never names the one position of a document. */
  @Override
  public final Object getPosition(Document document) {
    return null;
  }

  @Override
  public final void checkAdd(Document document, MongoCollection<Object> collection) {
    // no constraint to check
  }

  @Override
  public final void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    // no constraint to check
  }

  @Override
  public final long getDataSize() {
    return 0;
  }

  /** Takes {@code position} out of the positions under {@code key}, and the key out once it has none left. */
  static <K> void unlink(Map<K, Set<Object>> positionsOf, K key, Object position) {
    Set<Object> positions = positionsOf.get(key);
    positions.remove(position);
    if (positions.isEmpty()) {
      positionsOf.remove(key);
    }
  }
}
