package com.lucid.payment.payout.ops;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.settle.PauseSwitch;
import com.lucid.payment.tron.api.StakeOrder;
import com.lucid.payment.tron.api.StakeResult;
import com.lucid.payment.tron.api.WalletStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Set;

/** The admin operations: wallet view, staking, pause and resume, the payout circuit breaker. Admins only. */
public final class AdminOps {
  private final PlaneBus bus;
  private final SafetyBreaker breaker;
  private final PauseSwitch pause;
  private final Clock clock;
  private final String network;

  public AdminOps(PlaneBus bus, SafetyBreaker breaker, PauseSwitch pause, Clock clock, String network) {
    this.bus = bus;
    this.breaker = breaker;
    this.pause = pause;
    this.clock = clock;
    this.network = network;
  }

  /** Admins only, and only the fields the operation knows. */
  private static void admin(CallContext caller, JsonObject body, String... fields) {
    if (caller.knownRole() != Role.ADMIN) {
      throw new ApiFailure(ErrorCode.FORBIDDEN, "this operation needs payment:admin");
    }
    java.util.Set<String> known = java.util.Set.of(fields);
    body.fieldNames().stream().filter(f -> !known.contains(f)).findFirst().ifPresent(f -> {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "unknown field " + f);
    });
  }

  public Future<JsonObject> wallet(JsonObject body, CallContext caller) {
    admin(caller, body);
    return bus.<WalletStatus>request(BusAddress.TRON_WALLET, new JsonObject())
        .recover(err -> Future.failedFuture(new ApiFailure(ErrorCode.TRON_NETWORK, "TRON nodes are unavailable")))
        .map(w -> new JsonObject()
            .put("address", w.address().base58())
            .put("network", network)
            // TRX has 6 decimals like USDT: one formatter prints both
            .put("trx", Usdt.format(w.trxSun()))
            .put("usdt", Usdt.format(w.usdtUnits()))
            .put("energy", new JsonObject().put("available", w.energyAvailable()).put("limit", w.energyLimit()))
            .put("bandwidth", new JsonObject().put("available", w.bandwidthAvailable())
                .put("limit", w.bandwidthLimit()))
            .put("energy_fee_sun", w.energyFeeSun())
            .put("head_block", w.headBlock())
            .put("solid_block", w.solidBlock()));
  }

  public Future<JsonObject> stake(JsonObject body, CallContext caller) {
    admin(caller, body, "amount_trx", "resource");
    long sun;
    try {
      sun = Usdt.parse(body.getValue("amount_trx"));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ApiFailure(ErrorCode.INVALID_AMOUNT, "amount_trx " + e.getMessage());
    }
    String resource = body.getString("resource", "ENERGY");
    StakeOrder order;
    try {
      order = new StakeOrder(sun, resource);
    } catch (IllegalArgumentException e) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, e.getMessage());
    }
    return bus.<StakeResult>request(BusAddress.TRON_STAKE, order)
        .recover(err -> Future.failedFuture(new ApiFailure(ErrorCode.TRON_NETWORK,
            "the stake could not be sent: " + ApiFailure.from(err).getMessage())))
        .map(r -> new JsonObject().put("txid", r.txid()).put("status", "broadcast")
            .put("amount_trx", Usdt.format(sun)).put("resource", resource));
  }

  public Future<JsonObject> pause(JsonObject body, CallContext caller) {
    admin(caller, body, "reason");
    return pause.set(true, body.getString("reason", "paused by " + caller.userId()), clock.instant());
  }

  public Future<JsonObject> resume(JsonObject body, CallContext caller) {
    admin(caller, body);
    return pause.set(false, null, clock.instant());
  }

  public Future<JsonObject> breaker(JsonObject body, CallContext caller) {
    admin(caller, body, "action", "reason");
    String action = body.getString("action", "get");
    return switch (action) {
      case "get" -> breaker.read(clock.instant()).map(SafetyBreaker.Snapshot::toJson);
      case "trip" -> breaker.trip(body.getString("reason", "no reason given"), clock.instant())
          .map(SafetyBreaker.Snapshot::toJson);
      case "reset" -> breaker.reset(clock.instant()).map(SafetyBreaker.Snapshot::toJson);
      default -> throw new ApiFailure(ErrorCode.INVALID_REQUEST, "action must be get, trip or reset");
    };
  }
}
