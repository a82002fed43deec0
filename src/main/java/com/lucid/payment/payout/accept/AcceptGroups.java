package com.lucid.payment.payout.accept;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.LimitWindows;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.limits.Window;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.PayoutView;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New payouts accepted in groups: requests that arrive while groups are being written wait and go together in the
 * next one, so a burst costs the store a handful of writes in all instead of a handful each. A group takes one write
 * to claim every Idempotency-Key, one read of the breaker, one conditional increment per limit window for the group's
 * total, and one write to insert every payout; each request is answered once its own payout is durable, as alone.
 * What falls outside the common case goes payout by payout under the same rules: a key already taken
 * ({@link ClaimedKeys}), a window without room for the whole group (reserved in arrival order, so those that fit still
 * go through). It lives on the payout manager's event loop: its queue needs no lock.
 */
final class AcceptGroups {
  /** The most requests one group carries. */
  static final int MAX_GROUP = 256;
  /** Groups written at once: while one waits for a commit, the next is being applied. */
  static final int MAX_WRITING = 2;

  private final PayoutRepository payouts;
  private final IdempotencyKeys keys;
  private final LimitLedger limits;
  private final LimitWindows windows;
  private final SafetyBreaker breaker;
  private final PayoutMetrics metrics;
  private final NewPayouts newPayouts;
  private final ClaimedKeys claimed;
  private final Deque<Admission> waiting = new ArrayDeque<>();
  private int writing;

  AcceptGroups(AcceptParts parts, ClaimedKeys claimed) {
    this.payouts = parts.payouts();
    this.keys = parts.keys();
    this.limits = parts.limits();
    this.windows = parts.windows();
    this.breaker = parts.breaker();
    this.metrics = parts.metrics();
    this.newPayouts = parts.newPayouts();
    this.claimed = claimed;
  }

  /** Queues the request; it is written with the next group. */
  Future<JsonObject> submit(Admission admission) {
    waiting.add(admission);
    if (writing < MAX_WRITING) {
      writing++;
      next();
    }
    return admission.reply().future();
  }

  private void next() {
    List<Admission> group = new ArrayList<>();
    while (!waiting.isEmpty() && group.size() < MAX_GROUP) {
      group.add(waiting.poll());
    }
    if (group.isEmpty()) {
      writing--;
      return;
    }
    Future<Void> written;
    try {
      written = write(group);
    } catch (RuntimeException bug) {
      written = Future.failedFuture(bug);
    }
    written.onComplete(done -> {
      if (done.failed()) {
        group.forEach(a -> a.reply().tryFail(done.cause()));
      }
      next();
    });
  }

  private Future<Void> write(List<Admission> group) {
    return keys.tryClaimAll(group.stream().map(Admission::claim).toList()).compose(ours -> {
      List<Admission> mine = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        Admission a = group.get(i);
        if (ours.get(i)) {
          mine.add(a);
        } else {
          claimed.repeat(a).onComplete(r -> answer(a, r));
        }
      }
      return admit(mine).recover(err -> {
        mine.forEach(a -> a.reply().tryFail(err));
        return Future.succeededFuture();
      });
    });
  }

  private static void answer(Admission a, AsyncResult<JsonObject> result) {
    if (result.succeeded()) {
      a.reply().tryComplete(result.result());
    } else {
      a.reply().tryFail(result.cause());
    }
  }

  private Future<Void> admit(List<Admission> mine) {
    if (mine.isEmpty()) {
      return Future.succeededFuture();
    }
    Instant now = mine.stream().map(Admission::now).max(Comparator.naturalOrder()).orElseThrow();
    return breaker.read(now).compose(b -> {
      if (!b.allowsSigning()) {
        ApiFailure open = new ApiFailure(ErrorCode.CIRCUIT_OPEN,
            "payouts are suspended: the payout circuit breaker is open", b.toJson());
        mine.forEach(a -> keys.forget(a.claim()).onComplete(v -> a.reply().tryFail(open)));
        return Future.succeededFuture();
      }
      Map<Window, Long> totals = new LinkedHashMap<>();
      mine.forEach(a -> windowsOf(a).forEach(w -> totals.merge(w, a.payout().amount(), Math::addExact)));
      return limits.reserveTotals(totals).compose(all -> all ? insert(mine) : oneByOne(mine, 0, new ArrayList<>()));
    });
  }

  private List<Window> windowsOf(Admission a) {
    return windows.of(a.payout().router(), a.now());
  }

  /** Reserves payout by payout in arrival order; a payout that does not fit is refused and its key forgotten. */
  private Future<Void> oneByOne(List<Admission> mine, int i, List<Admission> fit) {
    if (i == mine.size()) {
      return fit.isEmpty() ? Future.succeededFuture() : insert(fit);
    }
    Admission a = mine.get(i);
    return limits.reserve(windowsOf(a), a.payout().amount()).transform(reserved -> {
      if (reserved.succeeded()) {
        fit.add(a);
      } else {
        keys.forget(a.claim()).onComplete(v -> a.reply().tryFail(reserved.cause()));
      }
      return oneByOne(mine, i + 1, fit);
    });
  }

  private Future<Void> insert(List<Admission> reserved) {
    List<Payout> created = reserved.stream().map(a -> newPayouts.single(a.claim().payoutId(), a.payout(), a.actor(),
        a.role().claim(), windowsOf(a).stream().map(Window::key).toList(), a.now())).toList();
    // a payout that did not land keeps its reservation: its outcome was unknown, and over-reserving is the safe side
    return payouts.insertAll(created).map(landed -> {
      for (int i = 0; i < reserved.size(); i++) {
        Admission a = reserved.get(i);
        landed.get(i).onComplete(payout -> {
          if (payout.succeeded()) {
            metrics.requested(payout.result(), "accepted");
          }
          answer(a, payout.map(p -> new JsonObject().put("replayed", false).put("payout", PayoutView.of(p, a.now()))));
        });
      }
      return null;
    });
  }
}
