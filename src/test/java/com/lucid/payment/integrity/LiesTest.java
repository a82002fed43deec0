package com.lucid.payment.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.lucid.payment.testing.JavaTronAnswers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fixture's own forgeries hold together as a smart attacker's would: they are only caught by what they say. */
class LiesTest {
  private static JsonObject javaTronAnswer(String name) {
    return JavaTronAnswers.get(name).json();
  }

  @Test
  void theFixtureComputesJavaTronsOwnBlockIds() throws Exception {
    JsonObject block = javaTronAnswer("getblockbynum_with_tx");
    assertEquals(block.getString("blockID"), Lies.blockId(block.getJsonObject("block_header")
        .getJsonObject("raw_data")));
  }

  @Test
  void aHeadDatedAheadStillHasTheIdOfItsHeader() throws Exception {
    JsonObject truth = javaTronAnswer("walletsolidity_getnowblock");
    JsonObject told = Lies.futureSolidTimestampRehashed(3_600_000).answer("/walletsolidity/getnowblock", new JsonObject(),
        truth, 1, (p, b) -> Future.failedFuture("unused")).await(5, TimeUnit.SECONDS);
    JsonObject raw = told.getJsonObject("block_header").getJsonObject("raw_data");
    assertEquals(truth.getJsonObject("block_header").getJsonObject("raw_data").getLong("timestamp") + 3_600_000,
        raw.getLong("timestamp"));
    assertNotEquals(truth.getString("blockID"), told.getString("blockID"));
    assertEquals(Lies.blockId(raw), told.getString("blockID"));
  }
}
