package com.lucid.payment.tron.api;

import com.lucid.payment.bus.LocalCodec;
import io.vertx.core.eventbus.EventBus;

/** The TRON client's bus messages: registered once per event bus with the local (no serialisation) codec. */
public final class TronMessages {
  private static final Class<?>[] TYPES = {
      TransferOrder.class, SignedAttempt.class, BroadcastOutcome.class, AttemptRef.class, SealedPayout.class,
      ReviewOrder.class, PaymentClaim.class,
      AttemptFate.Unknown.class, AttemptFate.Included.class, AttemptFate.Confirmed.class, AttemptFate.Failed.class,
      AttemptFate.Expired.class, AttemptFate.Undecided.class, AttemptFate.Mismatch.class, WalletStatus.class,
      StakeOrder.class, StakeResult.class};

  private TronMessages() {}

  /** Registers the codecs; types already registered on this bus (a second client, a sender) are left as they are. */
  public static void register(EventBus bus) {
    for (Class<?> type : TYPES) {
      try {
        LocalCodec.register(bus, type);
      } catch (IllegalStateException alreadyRegistered) {
        // the same local codec for this type is already in place
      }
    }
  }
}
