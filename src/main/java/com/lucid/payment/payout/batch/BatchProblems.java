package com.lucid.payment.payout.batch;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A batch's (or a distribution's) problems found so far, reported in index order (the request's own fields first);
 * the first one's code wins.
 */
public final class BatchProblems {
  /** Problems listed in details at most; error_count says how many there were. */
  static final int MAX_REPORTED = 100;

  private record Problem(ErrorCode code, Integer index, String field, String message) {
    JsonObject toJson() {
      JsonObject e = new JsonObject();
      if (index != null) {
        e.put("index", index);
      }
      return e.put("field", field).put("message", message);
    }

    String text() {
      return (index == null ? "" : "[" + index + "]" + (field == null ? "" : ".")) + (field == null ? "" : field)
          + " " + message;
    }
  }

  private final List<Problem> found = new ArrayList<>();

  public void add(ErrorCode code, Integer index, String field, String message) {
    found.add(new Problem(code, index, field, message));
  }

  /** Adds the problems of one item as PayoutRequests reported them. */
  public void addAll(int index, ApiFailure failure) {
    JsonArray errors = failure.details().getJsonArray("errors");
    if (errors == null || errors.isEmpty()) {
      add(failure.code(), index, null, failure.getMessage());
      return;
    }
    for (Object o : errors) {
      JsonObject e = (JsonObject) o;
      add(failure.code(), index, e.getString("field"), e.getString("message"));
    }
  }

  public int count() {
    return found.size();
  }

  public BatchProblems copy() {
    BatchProblems copy = new BatchProblems();
    copy.found.addAll(found);
    return copy;
  }

  public void throwIfAny(String what) {
    if (found.isEmpty()) {
      return;
    }
    List<Problem> sorted = found.stream().sorted(Comparator.comparing(
        (Problem p) -> p.index() == null ? -1 : p.index())).toList();
    Problem first = sorted.get(0);
    JsonArray listed = new JsonArray();
    sorted.stream().limit(MAX_REPORTED).forEach(p -> listed.add(p.toJson()));
    throw new ApiFailure(first.code(), (first.index() == null ? "" : what) + first.text() + (sorted.size() > 1
        ? " (and " + (sorted.size() - 1) + " more problems)" : "") + "; nothing was accepted",
        new JsonObject().put("errors", listed).put("error_count", sorted.size()));
  }
}
