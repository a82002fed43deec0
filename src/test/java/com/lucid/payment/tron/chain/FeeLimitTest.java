package com.lucid.payment.tron.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeeLimitTest {
  private static final long CAP = 100_000_000L;

  @Test
  void usdtTransferToAHolderCostsEnergyTimesPriceTimesMargin() {
    assertEquals(8_357_050L, FeeLimit.compute(64_285, 100, 130, CAP));
    assertEquals(6_428_500L, FeeLimit.compute(64_285, 100, 100, CAP));
  }

  @Test
  void fractionsOfASunRoundUp() {
    assertEquals(2L, FeeLimit.compute(1, 1, 101, CAP));
    assertEquals(2L, FeeLimit.compute(1, 1, 199, CAP));
    assertEquals(2L, FeeLimit.compute(1, 1, 200, CAP));
    assertEquals(1L, FeeLimit.compute(1, 1, 100, CAP));
  }

  @Test
  void theCapIsNeverExceeded() {
    assertEquals(CAP, FeeLimit.compute(10_000_000, 100, 130, CAP));
    assertEquals(CAP, FeeLimit.compute(769_231, 100, 130, CAP));
    assertEquals(99_999_900L, FeeLimit.compute(769_230, 100, 130, CAP));
  }

  @Test
  void unknownEnergyOrPriceFallsBackToTheCap() {
    assertEquals(CAP, FeeLimit.compute(0, 100, 130, CAP));
    assertEquals(CAP, FeeLimit.compute(64_285, 0, 130, CAP));
    assertEquals(CAP, FeeLimit.compute(-1, -1, 130, CAP));
  }

  @Test
  void productsBeyondALongGiveTheCapInsteadOfWrapping() {
    assertEquals(CAP, FeeLimit.compute(Long.MAX_VALUE, 100, 130, CAP));
    assertEquals(CAP, FeeLimit.compute(Long.MAX_VALUE / 100, 1, 130, CAP));
    assertEquals(Long.MAX_VALUE / 100, FeeLimit.compute(Long.MAX_VALUE / 100, 1, 100, Long.MAX_VALUE));
  }

  @Test
  void neverZero() {
    assertEquals(1L, FeeLimit.compute(1, 1, 100, 1));
    assertEquals(1L, FeeLimit.compute(0, 0, 100, 1));
  }

  @Test
  void nonsenseConfigurationIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> FeeLimit.compute(1, 1, 130, 0));
    assertThrows(IllegalArgumentException.class, () -> FeeLimit.compute(1, 1, 99, CAP));
  }
}
