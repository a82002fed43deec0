package com.lucid.payment.tron.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.testing.JavaTronAnswers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Blocks as a real java-tron v4.8.0 node printed them hold together; any edit a liar makes does not. */
class VerifiedBlockTest {
  private static JsonObject answer(String name) {
    return JavaTronAnswers.get(name).json();
  }

  @Test
  void aJavaTronBlockWithTransactionsHoldsTogether() throws Exception {
    JsonObject json = answer("getblockbynum_with_tx");
    VerifiedBlock block = VerifiedBlock.parse(json);
    assertEquals(124, block.number());
    assertEquals(json.getString("blockID"), block.id());
    assertEquals(json.getJsonObject("block_header").getJsonObject("raw_data").getString("parentHash"),
        block.parentId());
    assertTrue(block.contains("5D74F745D964426BD6B68F3B4EED8589F1C7D571CA6CF1DE8CC635EEAAA42923"));
    assertEquals("SUCCESS", block.results().get("5d74f745d964426bd6b68f3b4eed8589f1c7d571ca6cf1de8cc635eeaaa42923"));
    assertEquals(json.getString("blockID").substring(16, 32), block.taposHash());
  }

  @Test
  void emptyJavaTronBlocksHoldTogether() throws Exception {
    assertTrue(VerifiedBlock.parse(answer("getblockbynum_1")).results().isEmpty());
    assertEquals(123, VerifiedBlock.parse(answer("getnowblock")).number());
  }

  @Test
  void aHiddenTransactionBreaksTheMerkleRoot() throws Exception {
    JsonObject json = answer("getblockbynum_with_tx");
    JsonArray txs = json.getJsonArray("transactions");
    txs.remove(0);
    assertTrue(assertThrows(ChainDataException.class, () -> VerifiedBlock.parse(json)).getMessage()
        .contains("txTrieRoot"));
  }

  @Test
  void aRenamedTransactionIsCaught() throws Exception {
    JsonObject json = answer("getblockbynum_with_tx");
    json.getJsonArray("transactions").getJsonObject(0).put("txID", "00".repeat(32));
    assertThrows(ChainDataException.class, () -> VerifiedBlock.parse(json));
  }

  @Test
  void anEditedHeaderNoLongerMatchesItsId() throws Exception {
    JsonObject json = answer("getnowblock");
    JsonObject raw = json.getJsonObject("block_header").getJsonObject("raw_data");
    raw.put("timestamp", raw.getLong("timestamp") + 3_600_000);
    assertThrows(ChainDataException.class, () -> VerifiedBlock.header(json));
    assertFalse(assertThrows(ChainDataException.class, () -> VerifiedBlock.header(json))
        instanceof ChainDataException.Uncheckable);
  }

  @Test
  void aFieldThisCodeDoesNotKnowIsUncheckableNotALie() throws Exception {
    JsonObject json = answer("getnowblock");
    json.getJsonObject("block_header").getJsonObject("raw_data").put("brand_new_field", 1);
    assertInstanceOf(ChainDataException.Uncheckable.class,
        assertThrows(ChainDataException.class, () -> VerifiedBlock.header(json)));
  }
}
