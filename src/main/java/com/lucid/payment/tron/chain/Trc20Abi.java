package com.lucid.payment.tron.chain;

import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;

/** ABI encoding of the TRC20 calls and event a payout uses (20-byte addresses, uint256 words). */
public final class Trc20Abi {
  public static final String TRANSFER_SIGNATURE = "transfer(address,uint256)";
  public static final String BALANCE_OF_SIGNATURE = "balanceOf(address)";
  /** First 4 bytes of keccak256("transfer(address,uint256)"). */
  public static final String TRANSFER_SELECTOR_HEX = "a9059cbb";
  /** keccak256("Transfer(address,address,uint256)"), topic0 of the TRC20 Transfer event. */
  public static final String TRANSFER_EVENT_TOPIC =
      "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
  /** Length of transfer call data: selector plus two 32-byte words. */
  public static final int TRANSFER_DATA_LENGTH = 68;

  private static final byte[] TRANSFER_SELECTOR = Hex.decode(TRANSFER_SELECTOR_HEX);
  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  private Trc20Abi() {}

  /** Full call data of transfer(recipient, amount): 68 bytes. */
  public static byte[] transferData(TronAddress recipient, BigInteger amount) {
    byte[] out = new byte[TRANSFER_DATA_LENGTH];
    System.arraycopy(TRANSFER_SELECTOR, 0, out, 0, 4);
    System.arraycopy(addressWord(recipient), 0, out, 4, 32);
    System.arraycopy(uint256Word(amount), 0, out, 36, 32);
    return out;
  }

  /** The {@code parameter} field (arguments without selector) of transfer for trigger/estimate calls. */
  public static String transferParameterHex(TronAddress recipient, long amount) {
    return Hex.encode(addressWord(recipient)) + Hex.encode(uint256Word(BigInteger.valueOf(amount)));
  }

  /** The {@code parameter} field of balanceOf(owner). */
  public static String balanceOfParameterHex(TronAddress owner) {
    return Hex.encode(addressWord(owner));
  }

  /** An address as an ABI word: 12 zero bytes then the 20-byte EVM address. */
  public static byte[] addressWord(TronAddress address) {
    byte[] word = new byte[32];
    System.arraycopy(address.evm20(), 0, word, 12, 20);
    return word;
  }

  /** An unsigned integer as a 32-byte big-endian ABI word. */
  public static byte[] uint256Word(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
      throw new IllegalArgumentException("value does not fit uint256");
    }
    return BigIntegers.asUnsignedByteArray(32, value);
  }

  static byte[] transferSelector() {
    return TRANSFER_SELECTOR.clone();
  }
}
