package com.lucid.payment.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tron.trident.proto.Chain.Transaction;

/** Known answers from shared/reference/tron-vectors.json (TronWeb 6.5.1 and a real Nile node). */
class TransactionJsonTest {
  private static final String SIGNED = """
      {"visible": false, "txID": "2c3561ddff70515d6b795765f9c9b5aa8d4a38188b58f2b89929ea51befa1d83", "raw_data": {"contract": [{"parameter": {"value": {"data": "a9059cbb0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf0000000000000000000000000000000000000000000000000000000000000001", "owner_address": "412e988a386a799f506693793c6a5af6b54dfaabfb", "contract_address": "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"}, "type_url": "type.googleapis.com/protocol.TriggerSmartContract"}, "type": "TriggerSmartContract"}], "ref_block_bytes": "28c3", "ref_block_hash": "ce6d340282788569", "expiration": 1777447228009, "timestamp": 1777447168009, "fee_limit": 30000000}, "raw_data_hex": "0a0228c32208ce6d34028278856940e9a4f1c0dd335aae01081f12a9010a31747970652e676f6f676c65617069732e636f6d2f70726f746f636f6c2e54726967676572536d617274436f6e747261637412740a15412e988a386a799f506693793c6a5af6b54dfaabfb121541a614f803b6fd780986a42c78ec9c7f77e6ded13c2244a9059cbb0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf00000000000000000000000000000000000000000000000000000000000000017089d0edc0dd3390018087a70e", "signature": ["27d5618d093c5c285e54917c9805e285d395ddbee3cfa322c537ea2cd39da74b0afc4998bf51a5ac05dca8714491048afd409330ef2c02fd33d0f81abbd635181b"]}""";
  private static final String SIGNED_VISIBLE = """
      {"visible": true, "txID": "2c3561ddff70515d6b795765f9c9b5aa8d4a38188b58f2b89929ea51befa1d83", "raw_data": {"contract": [{"parameter": {"value": {"data": "a9059cbb0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf0000000000000000000000000000000000000000000000000000000000000001", "owner_address": "TEDapYSVvAZ3aYH7w8N9tMEEFKaNKUD5Bp", "contract_address": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"}, "type_url": "type.googleapis.com/protocol.TriggerSmartContract"}, "type": "TriggerSmartContract"}], "ref_block_bytes": "28c3", "ref_block_hash": "ce6d340282788569", "expiration": 1777447228009, "timestamp": 1777447168009, "fee_limit": 30000000}, "raw_data_hex": "0a0228c32208ce6d34028278856940e9a4f1c0dd335aae01081f12a9010a31747970652e676f6f676c65617069732e636f6d2f70726f746f636f6c2e54726967676572536d617274436f6e747261637412740a15412e988a386a799f506693793c6a5af6b54dfaabfb121541a614f803b6fd780986a42c78ec9c7f77e6ded13c2244a9059cbb0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf00000000000000000000000000000000000000000000000000000000000000017089d0edc0dd3390018087a70e", "signature": ["27d5618d093c5c285e54917c9805e285d395ddbee3cfa322c537ea2cd39da74b0afc4998bf51a5ac05dca8714491048afd409330ef2c02fd33d0f81abbd635181b"]}""";
  private static final String NILE_CAPTURE = """
      {"visible": false, "txID": "8c621a0dc9bd4d405b20d0a43143955b9f546f98bbfde1aec295a65b0f925629", "raw_data_hex": "0a0228c32208ce6d34028278856940f89cf1c0dd335aae01081f12a9010a31747970652e676f6f676c65617069732e636f6d2f70726f746f636f6c2e54726967676572536d617274436f6e747261637412740a1541dd791d6b49e190062d650e6a23c575510d35f2f9121541eca9bc828a3005b9a3b909f2cc5c2a54794de05f2244a9059cbb000000000000000000000000088a2bfcb1c7271029fd69a66859d5556089588400000000000000000000000000000000000000000000000000000000000000647089d0edc0dd33900180c2d72f", "raw_data": {"contract": [{"parameter": {"value": {"data": "a9059cbb000000000000000000000000088a2bfcb1c7271029fd69a66859d555608958840000000000000000000000000000000000000000000000000000000000000064", "owner_address": "41dd791d6b49e190062d650e6a23c575510d35f2f9", "contract_address": "41eca9bc828a3005b9a3b909f2cc5c2a54794de05f"}, "type_url": "type.googleapis.com/protocol.TriggerSmartContract"}, "type": "TriggerSmartContract"}], "ref_block_bytes": "28c3", "ref_block_hash": "ce6d340282788569", "expiration": 1777447227000, "timestamp": 1777447168009, "fee_limit": 100000000}}""";

  @Test
  void signedTransferPrintsExactlyAsTronWebAndJavaTronDo() {
    JsonObject expected = new JsonObject(SIGNED);
    Transaction tx = fromHex(expected);

    assertEquals(expected, TransactionJson.render(tx, false));
    assertEquals(new JsonObject(SIGNED_VISIBLE), TransactionJson.render(tx, true));
  }

  @Test
  void jsonParsesBackToTheSignedBytes() {
    for (String vector : new String[] {SIGNED, SIGNED_VISIBLE, NILE_CAPTURE}) {
      JsonObject json = new JsonObject(vector);
      Transaction parsed = TransactionJson.parse(json, json.getBoolean("visible"));
      assertEquals(json.getString("raw_data_hex"),
          HexFormat.of().formatHex(parsed.getRawData().toByteArray()));
      assertEquals(json.getString("txID"), TestNode.txid(parsed));
    }
  }

  @Test
  void signatureOfTheVectorRecoversToItsOwner() {
    Transaction tx = fromHex(new JsonObject(SIGNED));
    Signatures.Recovered recovered =
        Signatures.recover(tx, HexFormat.of().parseHex(TestNode.txid(tx)));
    assertEquals("TEDapYSVvAZ3aYH7w8N9tMEEFKaNKUD5Bp", recovered.signers().get(0).base58());
  }

  private static Transaction fromHex(JsonObject vector) {
    try {
      Transaction.raw raw = Transaction.raw.parseFrom(
          HexFormat.of().parseHex(vector.getString("raw_data_hex")));
      return Transaction.newBuilder().setRawData(raw).addSignature(com.google.protobuf.ByteString
          .copyFrom(HexFormat.of().parseHex(vector.getJsonArray("signature").getString(0))))
          .build();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
