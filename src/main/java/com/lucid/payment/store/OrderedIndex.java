package com.lucid.payment.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A range index for the embedded store: documents ordered in memory by a whole-number field (a time in epoch ms), so
 * that a query bounding that field ({$lte: t}, {$lt: t}, {$gte: t}, {$gt: t}) reads only the documents in range. The
 * worker asks for what is due (next_check_at <= now): without this it read every pending payout each round, however
 * far off its release. Documents without a whole-number value match no bound and are never candidates, as in
 * MongoDB; other kinds of number are always candidates (mongo-java-server applies the whole query to them).
 */
final class OrderedIndex extends SecondaryIndex {
  private static final String ID = "_id";
  private static final Set<String> BOUNDS = Set.of("$lt", "$lte", "$gt", "$gte");

  private final String field;
  private final Map<Object, Object> keyOfPosition = new HashMap<>();
  private final TreeMap<Long, Set<Object>> positionsOfKey = new TreeMap<>();
  private final Set<Object> unordered = new HashSet<>();

  OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.field = keys.get(0).getKey();
  }

  /** True for a single-key index on one of the fields the schema orders ({@link StoreSchema#ORDERED_FIELDS}). */
  static boolean supports(List<IndexKey> keys) {
    return keys.size() == 1 && StoreSchema.ORDERED_FIELDS.contains(keys.get(0).getKey());
  }

  private static boolean whole(Object value) {
    return value instanceof Long || value instanceof Integer;
  }

  @Override
  public synchronized boolean canHandle(Document query) {
    return !query.containsKey(ID) && query.get(field) instanceof Document range && !range.isEmpty()
        && range.keySet().stream().allMatch(BOUNDS::contains) && range.values().stream().allMatch(OrderedIndex::whole);
  }

  /** A copy: the caller may update the documents (and so this index) while it walks the positions. */
  @Override
  public synchronized Iterable<Object> getPositions(Document query) {
    Document range = (Document) query.get(field);
    NavigableMap<Long, Set<Object>> in = positionsOfKey;
    for (Map.Entry<String, Object> bound : range.entrySet()) {
      long v = ((Number) bound.getValue()).longValue();
      in = switch (bound.getKey()) {
        case "$lt" -> in.headMap(v, false);
        case "$lte" -> in.headMap(v, true);
        case "$gt" -> in.tailMap(v, false);
        default -> in.tailMap(v, true);
      };
    }
    List<Object> out = new ArrayList<>(unordered);
    in.values().forEach(out::addAll);
    return out;
  }

  @Override
  public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
    Object value = document.get(field);
    if (whole(value)) {
      long key = ((Number) value).longValue();
      keyOfPosition.put(position, key);
      positionsOfKey.computeIfAbsent(key, k -> new HashSet<>()).add(position);
    } else if (value instanceof Number) {
      keyOfPosition.put(position, unordered);
      unordered.add(position);
    }
  }

  @Override
  public synchronized Object remove(Document document) {
    Object position = document.get(ID);
    Object key = keyOfPosition.remove(position);
    if (key == unordered) {
      unordered.remove(position);
    } else if (key != null) {
      unlink(positionsOfKey, (Long) key, position);
    }
    return position;
  }

  @Override
  public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
      MongoCollection<Object> collection) {
    remove(oldDocument);
    add(newDocument, position, collection);
  }

  @Override
  public synchronized long getCount() {
    return keyOfPosition.size();
  }

  @Override
  public synchronized void drop() {
    keyOfPosition.clear();
    positionsOfKey.clear();
    unordered.clear();
  }
}
