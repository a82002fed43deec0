package com.lucid.payment.tron.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucid.payment.tron.chain.InvalidAddressException.Rule;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tron.trident.utils.Base58Check;

class TronAddressTest {

  @Test
  void privateKeyOneIsTheWellKnownAddress() {
    TronAddress address = SigningKey.fromPrivateKeyHex("00".repeat(31) + "01").address();
    assertEquals("TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC", address.base58());
    assertEquals("417e5f4552091a69125d5dfcb7b8c2659029395bdf", address.hex());
  }

  @Test
  void mainnetUsdtBase58AndHexAreTheSameAddress() {
    TronAddress fromBase58 = TronAddress.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    TronAddress fromHex = TronAddress.fromHex("41a614f803b6fd780986a42c78ec9c7f77e6ded13c");
    assertEquals(fromHex, fromBase58);
    assertEquals(fromHex.hashCode(), fromBase58.hashCode());
    assertEquals("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", fromHex.toString());
    assertEquals("41a614f803b6fd780986a42c78ec9c7f77e6ded13c", fromBase58.hex());
  }

  @Test
  void everyVectorKeyDerivesItsPublishedAddress() {
    for (JsonObject key : Vectors.keys()) {
      TronAddress derived = SigningKey.fromPrivateKeyHex(key.getString("private_key")).address();
      assertEquals(key.getString("address_base58"), derived.base58(), key.encode());
      assertEquals(key.getString("address_hex"), derived.hex());
      assertEquals(key.getString("eth_style_address").substring(2), Hex.encode(derived.evm20()));
      assertEquals(derived, TronAddress.fromBase58(key.getString("address_base58")));
      assertEquals(derived, TronAddress.fromHex(key.getString("address_hex")));
    }
  }

  @Test
  void everyVectorAddressPairConvertsBothWays() {
    for (JsonObject pair : Vectors.addressPairs()) {
      TronAddress fromHex = TronAddress.fromHex(pair.getString("address_hex"));
      TronAddress fromBase58 = TronAddress.fromBase58(pair.getString("address_base58"));
      assertEquals(pair.getString("address_base58"), fromHex.base58());
      assertEquals(pair.getString("address_hex"), fromBase58.hex());
      assertEquals(fromHex, TronAddress.fromEvm20(fromBase58.evm20()));
    }
  }

  @Test
  void anySingleCharacterChangeIsRefusedByTheChecksum() {
    String good = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    for (int i = 0; i < good.length(); i++) {
      for (char c : new char[] {'1', 'z', 'T', 'k'}) {
        if (good.charAt(i) == c) {
          continue;
        }
        String changed = good.substring(0, i) + c + good.substring(i + 1);
        InvalidAddressException e =
            assertThrows(InvalidAddressException.class, () -> TronAddress.fromBase58(changed), changed);
        assertEquals(Rule.CHECKSUM, e.rule(), changed);
      }
    }
  }

  @Test
  void eachBrokenRuleIsNamed() {
    assertRule(Rule.MISSING, () -> TronAddress.fromBase58(null));
    assertRule(Rule.LENGTH, () -> TronAddress.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6"));
    assertRule(Rule.LENGTH, () -> TronAddress.fromBase58(" TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"));
    assertRule(Rule.ALPHABET, () -> TronAddress.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj60"));
    assertRule(Rule.ALPHABET, () -> TronAddress.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLjOt"));
    byte[] notTron = Hex.decode("42a614f803b6fd780986a42c78ec9c7f77e6ded13c");
    String wrongPrefix = Base58Check.bytesToBase58(notTron);
    assertEquals(34, wrongPrefix.length());
    assertRule(Rule.PREFIX, () -> TronAddress.fromBase58(wrongPrefix));
    assertRule(Rule.PREFIX, () -> TronAddress.fromHex("42a614f803b6fd780986a42c78ec9c7f77e6ded13c"));
    assertRule(Rule.HEX_FORMAT, () -> TronAddress.fromHex("a614f803b6fd780986a42c78ec9c7f77e6ded13c"));
    assertRule(Rule.HEX_FORMAT, () -> TronAddress.fromHex("41a614f803b6fd780986a42c78ec9c7f77e6ded1zz"));
    assertRule(Rule.EVM_LENGTH, () -> TronAddress.fromEvm20(new byte[21]));
  }

  @Test
  void hexFormIsLowerCaseWhateverTheInputCase() {
    TronAddress upper = TronAddress.fromHex("41A614F803B6FD780986A42C78EC9C7F77E6DED13C");
    assertEquals("41a614f803b6fd780986a42c78ec9c7f77e6ded13c", upper.hex());
  }

  @Test
  void bytesAreDefensiveCopies() {
    TronAddress usdt = TronAddress.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    byte[] bytes = usdt.bytes();
    bytes[1] = 0;
    assertNotEquals(0, usdt.bytes()[1]);
    assertArrayEquals(Hex.decode("a614f803b6fd780986a42c78ec9c7f77e6ded13c"), usdt.evm20());
  }

  private static void assertRule(Rule rule, org.junit.jupiter.api.function.Executable call) {
    InvalidAddressException e = assertThrows(InvalidAddressException.class, call);
    assertEquals(rule, e.rule());
    assertEquals(rule.message(), e.getMessage());
  }
}
