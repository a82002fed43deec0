package com.lucid.payment.tron;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/** The wallet-plane TRON client: the only code that talks to TRON. Until it is built it says so: not_configured. */
public final class TronClientVerticle extends VerticleBase {
  private final ServiceConfig.Tron config;
  private MessageConsumer<JsonObject> status;

  public TronClientVerticle(ServiceConfig.Tron config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    status = vertx.eventBus().consumer(BusAddress.TRON_STATUS.address(), msg -> msg.reply(new JsonObject()
        .put("status", "not_configured")
        .put("network", config.network().configName())));
    return status.completion();
  }

  @Override
  public Future<?> stop() {
    return status.unregister();
  }
}
