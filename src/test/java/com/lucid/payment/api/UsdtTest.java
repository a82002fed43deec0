package com.lucid.payment.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Amounts are read exactly, and an amount of attacker-chosen length costs what a short one does. */
class UsdtTest {
  @Test
  void amountsAreReadExactlyInBaseUnits() {
    assertEquals(12_500_000L, Usdt.parse("12.50"));
    assertEquals(10_000L, Usdt.parse("0.01"));
    assertEquals(1_000_000_000_000_000_000L, Usdt.parse("1000000000000.000000"));
    assertEquals(1_000_000_000L, Usdt.parse(new BigDecimal("1E+3")));
    assertEquals(5_000_000L, Usdt.parse(5));
    assertEquals("1.5", Usdt.format(1_500_000L));
  }

  @Test
  void overLongAmountsAreRefusedBeforeAnyArithmetic() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadCpuTime();
    String[] hostile = {"1" + "0".repeat(60_000), "1." + "0".repeat(60_000), "0".repeat(60_000) + "1",
        "9".repeat(60_000) + "." + "9".repeat(60_000)};
    for (String amount : hostile) {
      assertThrows(IllegalArgumentException.class, () -> Usdt.parse(amount));
    }
    for (String amount : new String[] {hostile[0], hostile[1], hostile[3]}) {
      assertThrows(IllegalArgumentException.class, () -> Usdt.parse(new BigDecimal(amount)));
    }
    assertThrows(IllegalArgumentException.class, () -> Usdt.parse(new BigInteger(hostile[0])));
    assertThrows(IllegalArgumentException.class, () -> Usdt.parse(new BigDecimal("1e-999999999")));
    assertThrows(IllegalArgumentException.class, () -> Usdt.parse(new BigDecimal("1e999999999")));
    assertThrows(IllegalArgumentException.class, () -> Usdt.parse(BigInteger.TEN.pow(200)));
    long cpuMillis = (threads.getCurrentThreadCpuTime() - before) / 1_000_000;
    // the BigDecimal constructions above are the test's own; before the bound one parse alone took over a second
    assertTrue(cpuMillis < 2_000, cpuMillis + " ms of CPU");
  }
}
