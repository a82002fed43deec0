package com.lucid.payment.tron;

import static com.lucid.payment.tron.ClientOnDevnet.TRX;
import static com.lucid.payment.tron.ClientOnDevnet.USDT;
import static com.lucid.payment.tron.ClientOnDevnet.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.config.ServiceConfig.TronNode;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.chain.HotWallet;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fee-limit cap above the chain's getMaxFeeLimit: the fee limit signed is the chain's maximum (a node refuses more
 * at broadcast), the transfer lands, and the log says so once.
 */
@ExtendWith(VertxExtension.class)
@Timeout(30)
class FeeLimitCapTest {
  @TempDir Path dir;

  @Test
  void aCapAboveTheChainsMaximumIsClampedToIt(Vertx vertx) {
    long chainMax = 50 * TRX;
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(r.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger signerLog = Logger.getLogger(TransferSigner.class.getName());
    signerLog.addHandler(handler);
    // 130,285 energy to a fresh recipient × 100 sun × 10: 130 TRX wanted, above the chain's 50
    ClientOnDevnet tron = ClientOnDevnet.start(vertx, dir, Map.of("TRON_FEE_LIMIT_CAP_TRX", "15000",
        "TRON_FEE_LIMIT_MARGIN_PERCENT", "1000"), ClientOnDevnet.devnetOptions().withMaxFeeLimitSun(chainMax),
        d -> List.of(TronNode.of(d.baseUrl())));
    try {
      SignedAttempt first = tron.call(BusAddress.TRON_SIGN, tron.order("po_cap1", fresh(), USDT));
      SignedAttempt second = tron.call(BusAddress.TRON_SIGN, tron.order("po_cap2", fresh(), USDT));
      assertEquals(chainMax, first.feeLimitSun());
      assertEquals(chainMax, second.feeLimitSun());
      assertEquals(BroadcastOutcome.Kind.ACCEPTED,
          tron.<BroadcastOutcome>call(BusAddress.TRON_BROADCAST, tron.ref(first)).kind());
      eventually(() -> tron.<AttemptFate>call(BusAddress.TRON_FATE, tron.ref(first)),
          f -> f instanceof AttemptFate.Confirmed);
      assertEquals(1, warnings.size(), "said once: " + warnings);
      assertTrue(warnings.get(0).contains("getMaxFeeLimit (" + chainMax + " sun)"), warnings.get(0));
    } finally {
      signerLog.removeHandler(handler);
      tron.stop();
    }
  }

  private static com.lucid.payment.tron.chain.TronAddress fresh() {
    return HotWallet.generate(new SecureRandom()).address();
  }
}
