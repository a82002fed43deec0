package com.lucid.payment.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.h2.mvstore.MVMap;

/**
 * The embedded store's _id index, answered by the collection's own document map (keyed by _id) instead of a second
 * map. The H2 backend's unique index kept its keys Java-serialized and compared them by serializing both sides at
 * every step of a lookup, and was used only for a query on exactly {_id}: each compare-and-set of the engine
 * ({_id, version, ...}) read the whole collection. Here any query naming one _id (or an $in of them), whatever its
 * other conditions, reads just those documents; mongo-java-server then applies the whole query. Ids that are not
 * strings or ObjectIds (numbers compare across types) are left to a scan.
 */
final class IdIndex extends Index<Object> {
  private static final String ID = "_id";

  private final MVMap<Object, Document> documents;

  IdIndex(MVMap<Object, Document> documents, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.documents = documents;
  }

  /** True for the single-key _id index. */
  static boolean replaces(List<IndexKey> keys) {
    return keys.size() == 1 && keys.get(0).getKey().equals(ID);
  }

  private static boolean exact(Object id) {
    return id instanceof String || id instanceof ObjectId;
  }

  /** The ids a query names, or null when it names none this index can look up. */
  private static List<Object> ids(Document query) {
    Object condition = query.get(ID);
    if (exact(condition)) {
      return List.of(condition);
    }
    if (condition instanceof Document d && d.size() == 1 && d.get("$in") instanceof Collection<?> values
        && values.stream().allMatch(IdIndex::exact)) {
      return List.copyOf(values);
    }
    return null;
  }

  @Override
  public boolean canHandle(Document query) {
    return ids(query) != null;
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    List<Object> positions = new ArrayList<>();
    for (Object id : ids(query)) {
      if (documents.containsKey(id)) {
        positions.add(id);
      }
    }
    return positions;
  }

  @Override
  public Object getPosition(Document document) {
    Object position = Missing.ofNullable(document.get(ID));
    return documents.containsKey(position) ? position : null;
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    if (taken(document.get(ID))) {
      throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(document.get(ID)));
    }
  }

  private boolean taken(Object id) {
    if (exact(id)) {
      return documents.containsKey(id);
    }
    Object position = Missing.ofNullable(id);
    return documents.containsKey(position) || documents.keySet().stream().anyMatch(k -> sameId(k, position));
  }

  private static boolean sameId(Object a, Object b) {
    return a instanceof Number x && b instanceof Number y ? x.doubleValue() == y.doubleValue() : Objects.equals(a, b);
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    if (!Objects.equals(oldDocument.get(ID), newDocument.get(ID)) && taken(newDocument.get(ID))) {
      throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(newDocument.get(ID)));
    }
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    // the document map is the index
  }

  @Override
  public Object remove(Document document) {
    return Missing.ofNullable(document.get(ID));
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, Object position,
      MongoCollection<Object> collection) {
    // the document map is the index
  }

  @Override
  public boolean isUnique() {
    return true;
  }

  @Override
  public long getCount() {
    return documents.size();
  }

  @Override
  public long getDataSize() {
    return 0;
  }

  @Override
  public void drop() {
    // dropping the collection drops its document map
  }
}
