package com.lucid.payment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A 1,000-payout batch settles on the devnet with many transfers in flight: each recipient paid once, exactly. */
class LargeBatchTest {
  private static final int SIZE = 1_000;
  @TempDir Path dir;

  @Test
  @Timeout(240)
  void aThousandPayoutBatchSettlesEachPayoutOnce() throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("BATCH_MAX_ITEMS", Integer.toString(SIZE));
    env.put("PAYOUT_MAX_IN_FLIGHT", "200");
    try (TestService service = TestService.start(env)) {
      BatchCalls calls = new BatchCalls(service);
      JsonArray items = new JsonArray();
      Map<String, Long> expected = new HashMap<>();
      for (int i = 0; i < SIZE; i++) {
        String recipient = TestService.newAddress().base58();
        long units = 1_000_000L + i; // 1.000000 .. 1.000999 USDT: every amount different
        items.add(BatchCalls.item(recipient, com.lucid.payment.api.Usdt.format(units)));
        expected.put(recipient, units);
      }
      JsonObject batch = calls.create("ops", "service", "big", BatchCalls.body(items, "IMMEDIATE", "NORMAL"))
          .getJsonObject("batch");
      assertEquals(SIZE, batch.getInteger("total_payouts"));
      assertEquals("1000.4995", batch.getString("total_amount_usdt"));

      JsonObject done = calls.awaitBatch(batch.getString("batch_id"), "completed", 200);
      assertEquals(SIZE, done.getInteger("completed_payouts"));
      assertEquals("1000.4995", done.getString("completed_amount_usdt"));
      Map<String, List<UsdtTransfer>> paid = service.devnet().transfers().stream()
          .collect(Collectors.groupingBy(UsdtTransfer::to));
      assertEquals(expected.keySet(), paid.keySet());
      expected.forEach((recipient, units) -> {
        assertEquals(1, paid.get(recipient).size(), recipient);
        assertEquals(units, paid.get(recipient).get(0).amount(), recipient);
      });
      long busiestBlock = service.devnet().transfers().stream()
          .collect(Collectors.groupingBy(UsdtTransfer::blockNumber, Collectors.counting())).values().stream()
          .mapToLong(Long::longValue).max().orElse(0);
      assertTrue(busiestBlock > 1, "transfers were in flight together, not one by one");
    }
  }
}
