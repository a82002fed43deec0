package com.lucid.payment.tron.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {

  @Test
  void encodesLowerCaseAndDecodesEitherCase() {
    byte[] bytes = {0x00, 0x7f, (byte) 0x80, (byte) 0xff, 0x0a};
    assertEquals("007f80ff0a", Hex.encode(bytes));
    assertArrayEquals(bytes, Hex.decode("007F80FF0A"));
    assertArrayEquals(new byte[0], Hex.decode(""));
  }

  @Test
  void refusesAnythingButPlainHexDigits() {
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc"));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("0x00"));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("00 "));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("g0"));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode(null));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("00", 2, "word"));
  }

  @Test
  void hashesMatchTheirKnownAnswers() {
    assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Hex.encode(Hashes.keccak256(new byte[0])));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Hex.encode(Hashes.sha256(new byte[0])));
    assertEquals(Trc20Abi.TRANSFER_SELECTOR_HEX, Hex.encode(
        Hashes.keccak256(Trc20Abi.TRANSFER_SIGNATURE.getBytes())).substring(0, 8));
    assertEquals(Trc20Abi.TRANSFER_EVENT_TOPIC,
        Hex.encode(Hashes.keccak256("Transfer(address,address,uint256)".getBytes())));
    assertEquals("70a08231", Hex.encode(
        Hashes.keccak256(Trc20Abi.BALANCE_OF_SIGNATURE.getBytes())).substring(0, 8));
  }
}
