package com.lucid.payment.payout.limits;

import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.model.RouterType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Every limit a payout is held to, as windows of UTC time: its router's day, the global day and the global hour. A
 * new limit is one more window here; the ledger reserves a payout in all of them at once.
 */
public final class LimitWindows {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  private final ServiceConfig.Acceptance config;

  public LimitWindows(ServiceConfig.Acceptance config) {
    this.config = config;
  }

  /** The windows a payout of this router released at {@code at} is reserved in, in the order they are checked. */
  public List<Window> of(RouterType router, Instant at) {
    return List.of(routerDay(router, at), globalDay(at), globalHour(at));
  }

  public Window routerDay(RouterType router, Instant at) {
    ServiceConfig.RouterLimits r = router == RouterType.PayoutRouterKYC ? config.kyc() : config.v0();
    return new Window("router:" + router.name() + ":day:" + DAY.format(at), r.dailyUnits(), router.name() + " daily");
  }

  public Window globalDay(Instant at) {
    return new Window("global:day:" + DAY.format(at), config.globalDailyUnits(), "global daily");
  }

  public Window globalHour(Instant at) {
    return new Window("global:hour:" + HOUR.format(at), config.globalHourlyUnits(), "global hourly");
  }
}
