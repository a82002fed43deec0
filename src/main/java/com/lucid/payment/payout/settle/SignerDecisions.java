package com.lucid.payment.payout.settle;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.tron.api.ReviewOrder;
import io.vertx.core.Future;
import java.util.logging.Logger;

/**
 * What the payout manager tells the TRON client's signing journal, so that the signer's memory and not the store
 * decides whether a payout may be signed again: a settled payout is closed for good; an admin may grant one more
 * attempt past the cap of re-signs after expiry.
 */
public final class SignerDecisions {
  private static final Logger LOG = Logger.getLogger(SignerDecisions.class.getName());
  private final PlaneBus bus;

  public SignerDecisions(PlaneBus bus) {
    this.bus = bus;
  }

  /**
   * Closes a payout that just became terminal. A failure is logged, not returned: the payout's state is written
   * already; without the close only a store writer who revives the payout could ask for it to be signed again, and the
   * signer would still first prove every earlier signature of it dead.
   */
  public Future<Void> closed(String payoutId) {
    return bus.request(BusAddress.TRON_REVIEW, new ReviewOrder(payoutId, ReviewOrder.Kind.CLOSE)).<Void>mapEmpty()
        .recover(err -> {
          LOG.warning(() -> "payout " + payoutId + ": the signing journal could not record it settled: "
              + err.getMessage());
          return Future.succeededFuture();
        });
  }

  /** As {@link #closed}, but failing when the journal did not record it: for a decision that must not go ahead. */
  public Future<Void> grantClose(String payoutId) {
    return decide(payoutId, ReviewOrder.Kind.CLOSE);
  }

  public Future<Void> grantResign(String payoutId) {
    return decide(payoutId, ReviewOrder.Kind.GRANT_RESIGN);
  }

  private Future<Void> decide(String payoutId, ReviewOrder.Kind kind) {
    return bus.request(BusAddress.TRON_REVIEW, new ReviewOrder(payoutId, kind)).<Void>mapEmpty()
        .recover(err -> Future.failedFuture(ApiFailure.from(err)));
  }
}
