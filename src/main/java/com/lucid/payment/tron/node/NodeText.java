package com.lucid.payment.tron.node;

import com.lucid.payment.tron.chain.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Node message fields: hex-encoded UTF-8 unless the node was asked for visible=true; decoded when they are. */
public final class NodeText {
  private static final int MAX_LENGTH = 500;

  private NodeText() {}

  /** The text of a message field: decoded when it is hex of printable UTF-8, else as it is; shortened. */
  public static String decode(String field) {
    if (field == null) {
      return "";
    }
    String text = field;
    if (!field.isEmpty() && field.length() % 2 == 0 && Hex.isHex(field, field.length())) {
      try {
        String decoded = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(Hex.decode(field))).toString();
        if (decoded.codePoints().allMatch(c -> c >= 0x20 || c == '\n' || c == '\t')) {
          text = decoded;
        }
      } catch (CharacterCodingException notText) {
        // not UTF-8: keep the field as the node sent it
      }
    }
    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
  }
}
