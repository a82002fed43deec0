package com.lucid.payment.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;

/**
 * The _id index of the embedded store, also used when a query names one _id among other conditions. mongo-java-server
 * uses an index only for a query on exactly its keys, so each compare-and-set of the engine ({_id, version, ...})
 * read every document of the collection; here it reads the one document with that _id and applies the whole query.
 */
final class IdIndex extends Index<Object> {
  private static final String ID = "_id";

  private final Index<Object> unique;

  IdIndex(Index<Object> unique, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.unique = unique;
  }

  /** True for the single-key _id index, the one this wraps. */
  static boolean wraps(List<IndexKey> keys) {
    return keys.size() == 1 && keys.get(0).getKey().equals(ID);
  }

  private static boolean plainValue(Object value) {
    return value != null && !(value instanceof Map) && !(value instanceof List)
        && !(value instanceof BsonRegularExpression) && !(value instanceof java.util.regex.Pattern);
  }

  @Override
  public boolean canHandle(Document query) {
    return unique.canHandle(query) || query.size() > 1 && plainValue(query.get(ID));
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    return unique.canHandle(query) ? unique.getPositions(query)
        : unique.getPositions(new Document(ID, query.get(ID)));
  }

  @Override
  public Object getPosition(Document document) {
    return unique.getPosition(document);
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    unique.checkAdd(document, collection);
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    unique.add(document, position, collection);
  }

  @Override
  public Object remove(Document document) {
    return unique.remove(document);
  }

  @Override
  public long getCount() {
    return unique.getCount();
  }

  @Override
  public long getDataSize() {
    return unique.getDataSize();
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    unique.checkUpdate(oldDocument, newDocument, collection);
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, Object position,
      MongoCollection<Object> collection) {
    unique.updateInPlace(oldDocument, newDocument, position, collection);
  }

  @Override
  public boolean isUnique() {
    return unique.isUnique();
  }

  @Override
  public boolean isEmpty() {
    return unique.isEmpty();
  }

  @Override
  public void drop() {
    unique.drop();
  }
}
