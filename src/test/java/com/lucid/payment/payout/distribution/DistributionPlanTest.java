package com.lucid.payment.payout.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.Role;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.accept.PayoutRequests;
import com.lucid.payment.payout.model.ChainIdentity;
import com.lucid.payment.tron.chain.HotWallet;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fee arithmetic of a period, exact in base units: the fee rounds down, nets below the minimum roll over. */
class DistributionPlanTest {
  private static final long USDT = 1_000_000L;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ServiceConfig.RouterLimits ANY = new ServiceConfig.RouterLimits(USDT / 100, 5_000 * USDT,
      50_000 * USDT);
  private final PayoutRequests requests = new PayoutRequests(new ServiceConfig.Acceptance(ANY, ANY, 100_000 * USDT,
      10_000 * USDT, Optional.empty()), new ChainIdentity(HotWallet.generate(RANDOM).address(),
      HotWallet.generate(RANDOM).address()));

  private static String someone() {
    return HotWallet.generate(RANDOM).address().base58();
  }

  private List<DistributionLine> plan(int feeBps, Map<String, List<Rollover>> rollovers, String... recipientAndGross) {
    JsonArray entries = new JsonArray();
    for (int i = 0; i < recipientAndGross.length; i += 2) {
      entries.add(new JsonObject().put("recipient", recipientAndGross[i]).put("gross_usdt", recipientAndGross[i + 1])
          .put("router_type", "PayoutRouterV0"));
    }
    Entitlements entitlements = Entitlements.parse(new JsonObject().put("period", "2026-11").put("entries", entries),
        100);
    return DistributionPlan.lines(entitlements, rollovers, feeBps, 10 * USDT, requests, Role.SERVICE, 0);
  }

  @Test
  void theFeeIsRoundedDownToABaseUnitSoItNeverExceedsItsRate() {
    assertEquals(25_000, PlatformFee.of(1_000_001, 250), "2.5% of 1.000001 USDT is 0.025000025");
    assertEquals(0, PlatformFee.of(39, 250));
    assertEquals(USDT, PlatformFee.of(USDT, 10_000), "100%");
    assertThrows(ArithmeticException.class, () -> PlatformFee.of(Long.MAX_VALUE / 100, 10_000));
  }

  @Test
  void eachNetIsGrossLessFeePlusRolloversAndTheSmallOnesRollOver() {
    String big = someone();
    String small = someone();
    String carried = someone();
    Map<String, List<Rollover>> earlier = Map.of(carried, List.of(new Rollover("2026-10:" + carried, carried,
        "2026-10", 4 * USDT, null, 0)));
    List<DistributionLine> lines = plan(250, earlier, big, "100", small, "9.99", carried, "7");
    DistributionLine paid = lines.get(0);
    assertEquals(2_500_000, paid.fee());
    assertEquals(97_500_000, paid.net());
    assertEquals(DistributionLine.Plan.PAID, paid.plan());
    assertEquals(97_500_000, paid.item().orElseThrow().payout().amount(), "the payout is the net");
    DistributionLine rolled = lines.get(1);
    assertEquals(9_990_000 - 249_750, rolled.net());
    assertEquals(DistributionLine.Plan.ROLLED_OVER, rolled.plan());
    assertTrue(rolled.item().isEmpty(), "nothing is paid below the minimum");
    DistributionLine topped = lines.get(2);
    assertEquals(4 * USDT, topped.rolloverIn());
    assertEquals(List.of("2026-10:" + carried), topped.rolloverIds());
    assertEquals(7 * USDT - 175_000 + 4 * USDT, topped.net(), "last period's rollover brings it over the minimum");
    assertEquals(DistributionLine.Plan.PAID, topped.plan());
    long gross = lines.stream().mapToLong(DistributionLine::gross).sum();
    long fees = lines.stream().mapToLong(DistributionLine::fee).sum();
    long in = lines.stream().mapToLong(DistributionLine::rolloverIn).sum();
    assertEquals(gross - fees + in, lines.stream().mapToLong(DistributionLine::net).sum(), "nothing made or lost");
  }

  @Test
  void anEntryThatIsNoPayoutRefusesThePeriodWithItsOwnFieldNames() {
    ApiFailure refused = assertThrows(ApiFailure.class, () -> plan(0, Map.of(), someone(), "10", "not-an-address",
        "20"));
    JsonObject problem = refused.details().getJsonArray("errors").getJsonObject(0);
    assertEquals(1, problem.getInteger("index"));
    assertEquals("recipient", problem.getString("field"), "named as the entry names it, not as the payout does");
  }

  @Test
  void aStoredLineReadsBackAsPlanned() {
    for (DistributionLine line : plan(125, Map.of(), someone(), "50", someone(), "1")) {
      assertEquals(line, DistributionLine.fromStored(line.toStored()));
    }
  }
}
