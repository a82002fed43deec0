package com.lucid.payment.payout.settle;

import com.lucid.payment.payout.model.HoldReason;
import java.util.Optional;

/** The hot wallet's funds, checked before a payout is released for signing. */
public interface Funds {
  /** Why the wallet cannot pay this amount now (insufficient_usdt, insufficient_trx, tron_unavailable), or empty. */
  Optional<HoldReason> shortfall(long amount);
}
