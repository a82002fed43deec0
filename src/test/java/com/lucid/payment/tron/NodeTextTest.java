package com.lucid.payment.tron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.tron.chain.Hex;
import com.lucid.payment.tron.node.NodeText;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Node message fields come hex-encoded unless visible=true; the client shows them as text either way. */
class NodeTextTest {

  @Test
  void hexMessagesAreDecodedAndTextIsKept() {
    String hex = Hex.encode("Validate signature error: sig error".getBytes(StandardCharsets.UTF_8));
    assertEquals("Validate signature error: sig error", NodeText.decode(hex));
    assertEquals("Transaction expired", NodeText.decode("Transaction expired"));
    assertEquals("", NodeText.decode(null));
  }

  @Test
  void hexThatIsNotPrintableTextStaysHex() {
    assertEquals("00ff10", NodeText.decode("00ff10"));
    assertEquals("abc", NodeText.decode("abc"));
  }

  @Test
  void longMessagesAreShortened() {
    String decoded = NodeText.decode("x".repeat(2_000));
    assertEquals(503, decoded.length());
  }
}
