package com.lucid.payment.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A secondary index for the embedded store, which otherwise scans every document of a collection for each query:
 * documents grouped in memory by the string value of the index's first key, so that a query naming that field with
 * a value or an $in of values reads only those documents (mongo-java-server then applies the whole query, sort and
 * limit to them). Rebuilt from the documents whenever the store opens; the other keys of a compound index are not
 * used. A document whose value is not a string (an array, a number, a sub-document) is a candidate for every query.
 */
final class MemoryIndex extends SecondaryIndex {
  private static final String ID = "_id";
  /** The group of documents with no string value: always candidates. */
  private static final Object OTHER = new Object();

  private final String field;
  private final Map<Object, Object> groupOfPosition = new HashMap<>();
  private final Map<Object, Set<Object>> positionsOfGroup = new HashMap<>();

  MemoryIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.field = keys.get(0).getKey();
  }

  /** True when the first key is a plain top-level field, the only kind this index can group by. */
  static boolean supports(List<IndexKey> keys) {
    return !keys.isEmpty() && !keys.get(0).getKey().contains(".") && !keys.get(0).getKey().equals(ID);
  }

  private static Object group(Document document, String field) {
    Object value = document.get(field);
    return value == null || value instanceof String ? value : OTHER;
  }

  /** The string values a query asks the field to equal, or empty when it asks anything else of it. */
  private Optional<List<Object>> queried(Document query) {
    if (query.containsKey(ID)) {
      return Optional.empty(); // the _id index is always the better choice
    }
    Object condition = query.get(field);
    if (condition instanceof String value) {
      return Optional.of(List.of(value));
    }
    if (condition instanceof Document d && d.size() == 1 && d.get("$in") instanceof Collection<?> values
        && !values.isEmpty() && values.stream().allMatch(String.class::isInstance)) {
      return Optional.of(List.copyOf(values));
    }
    return Optional.empty();
  }

  @Override
  public synchronized boolean canHandle(Document query) {
    return queried(query).isPresent();
  }

  /** A copy: the caller may update the documents (and so this index) while it walks the positions. */
  @Override
  public synchronized Iterable<Object> getPositions(Document query) {
    List<Object> out = new ArrayList<>();
    for (Object value : queried(query).orElseThrow()) {
      out.addAll(positionsOfGroup.getOrDefault(value, Set.of()));
    }
    out.addAll(positionsOfGroup.getOrDefault(OTHER, Set.of()));
    return out;
  }

  /** The exact number of documents a query {field: "value"} matches, when it is that simple. */
  synchronized Optional<Integer> count(Document query) {
    if (query.size() != 1 || !(query.get(field) instanceof String value)
        || positionsOfGroup.containsKey(OTHER)) {
      return Optional.empty();
    }
    return Optional.of(positionsOfGroup.getOrDefault(value, Set.of()).size());
  }

  @Override
  public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
    put(position, group(document, field));
  }

  private void put(Object position, Object group) {
    groupOfPosition.put(position, group);
    positionsOfGroup.computeIfAbsent(group, g -> new HashSet<>()).add(position);
  }

  @Override
  public synchronized Object remove(Document document) {
    Object position = document.get(ID);
    Object group = groupOfPosition.remove(position);
    if (group == null && !groupOfPosition.containsKey(position)) {
      return null;
    }
    unlink(positionsOfGroup, group, position);
    return position;
  }

  @Override
  public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
      MongoCollection<Object> collection) {
    Object before = group(oldDocument, field);
    Object after = group(newDocument, field);
    if (before != after && (before == null || !before.equals(after))) {
      remove(oldDocument);
      put(position, after);
    }
  }

  @Override
  public synchronized long getCount() {
    return groupOfPosition.size();
  }

  @Override
  public synchronized void drop() {
    groupOfPosition.clear();
    positionsOfGroup.clear();
  }
}
