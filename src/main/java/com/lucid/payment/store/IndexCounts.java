package com.lucid.payment.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Optional;

/**
 * Answers the driver's countDocuments (an aggregate of $match then {$group: {_id: 1, n: {$sum: 1}}}) with a query
 * count, which uses the collection's indexes; mongo-java-server would run the pipeline over every document.
 */
final class IndexCounts {
  private static final Document COUNT_GROUP = new Document("$group",
      new Document("_id", 1).append("n", new Document("$sum", 1)));

  private IndexCounts() {}

  /** The reply to an aggregate command when it is a plain count, else empty (the backend then runs it). */
  static Optional<Document> answer(MongoBackend backend, String database, Document command) {
    if (!(command.get("aggregate") instanceof String name) || !(command.get("pipeline") instanceof List<?> stages)
        || stages.size() != 2 || !(stages.get(0) instanceof Document match) || match.size() != 1
        || !(match.get("$match") instanceof Document query) || !COUNT_GROUP.equals(stages.get(1))) {
      return Optional.empty();
    }
    MongoCollection<?> collection = backend.resolveDatabase(database).resolveCollection(name, false);
    long n = collection == null ? 0 : count(collection, query);
    List<Document> batch = n == 0 ? List.of() : List.of(new Document("_id", 1).append("n", (int) n));
    Document cursor = new Document("firstBatch", batch).append("id", 0L).append("ns", database + "." + name);
    return Optional.of(new Document("cursor", cursor).append("ok", 1.0));
  }

  private static long count(MongoCollection<?> collection, Document query) {
    for (Index<?> index : collection.getIndexes()) {
      if (index instanceof MemoryIndex memory) {
        Optional<Integer> exact = memory.count(query);
        if (exact.isPresent()) {
          return exact.get();
        }
      }
    }
    return collection.count(query, 0, 0);
  }
}
