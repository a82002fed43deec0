package com.lucid.payment.devnet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The devnet's TRC20 USDT ("Tether USD", 6 decimals) at a fixed address. Energy costs are those
 * of the real contract: 64,285 for a transfer to a holder, 130,285 when the recipient's balance
 * slot is empty (a zero balance, as the EVM prices it); a revert costs {@link #REVERT_ENERGY}.
 */
final class UsdtToken {
  /** Derived from a fixed seed so every devnet process agrees on it. */
  static final TronAddress ADDRESS = derive("lucid-devnet:usdt-trc20");
  static final String NAME = "Tether USD";
  static final String SYMBOL = "USDT";
  static final int DECIMALS = 6;
  static final long TRANSFER_TO_HOLDER_ENERGY = 64_285;
  static final long TRANSFER_TO_EMPTY_ENERGY = 130_285;
  static final long REVERT_ENERGY = 2_000;
  static final long VIEW_ENERGY = 935;
  static final String INSUFFICIENT_BALANCE = "ERC20: transfer amount exceeds balance";
  static final byte[] TRANSFER_TOPIC =
      Digests.keccak256("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII));

  private enum Method {
    NAME("name()"), SYMBOL("symbol()"), DECIMALS("decimals()"), TOTAL_SUPPLY("totalSupply()"),
    BALANCE_OF("balanceOf(address)"), TRANSFER("transfer(address,uint256)");

    final String selector;

    Method(String signature) {
      this.selector = HexFormat.of().formatHex(Digests.selector(signature));
    }
  }

  private static final Map<String, Method> BY_SELECTOR = Stream.of(Method.values())
      .collect(Collectors.toMap(m -> m.selector, Function.identity()));

  private UsdtToken() {}

  /** Whether the call data selects a read-only function (java-tron runs those as constant calls). */
  static boolean isView(byte[] data) {
    Method method = method(data);
    return method != null && method != Method.TRANSFER;
  }

  /** Runs a call against a ledger without writing to it. */
  static CallResult call(TronAddress caller, long callValue, byte[] data, Ledger ledger) {
    Method method = method(data);
    if (method == null || callValue != 0) {
      return CallResult.revert(new byte[0]);
    }
    return switch (method) {
      case NAME -> CallResult.view(Abi.string(NAME));
      case SYMBOL -> CallResult.view(Abi.string(SYMBOL));
      case DECIMALS -> CallResult.view(Abi.uint256(DECIMALS));
      case TOTAL_SUPPLY -> CallResult.view(Abi.uint256(ledger.usdtSupply()));
      case BALANCE_OF -> data.length < 36 ? CallResult.revert(new byte[0])
          : CallResult.view(Abi.uint256(ledger.usdt(TronAddress.fromAbiWord(data, 4))));
      case TRANSFER -> transfer(caller, data, ledger);
    };
  }

  private static CallResult transfer(TronAddress from, byte[] data, Ledger ledger) {
    if (data.length < 68) {
      return CallResult.revert(new byte[0]);
    }
    TronAddress to = TronAddress.fromAbiWord(data, 4);
    BigInteger amount = Abi.uint256At(data, 36);
    long balance = ledger.usdt(from);
    if (amount.compareTo(BigInteger.valueOf(balance)) > 0) {
      return CallResult.revert(Abi.revertReason(INSUFFICIENT_BALANCE));
    }
    long energy = ledger.usdt(to) == 0 ? TRANSFER_TO_EMPTY_ENERGY : TRANSFER_TO_HOLDER_ENERGY;
    Movement movement = new Movement(from, to, amount.longValueExact());
    return new CallResult(false, Abi.uint256(1), energy, movement);
  }

  private static Method method(byte[] data) {
    if (data.length < 4) {
      return null;
    }
    return BY_SELECTOR.get(HexFormat.of().formatHex(data, 0, 4));
  }

  private static TronAddress derive(String seed) {
    byte[] hash = Digests.sha256(seed.getBytes(StandardCharsets.US_ASCII));
    byte[] address = new byte[21];
    address[0] = TronAddress.PREFIX;
    System.arraycopy(hash, 12, address, 1, 20);
    return TronAddress.of(address);
  }

  /** The outcome of one call: return or revert data, energy used, and USDT moved (or null). */
  record CallResult(boolean reverted, byte[] returnData, long energy, Movement movement) {
    static CallResult view(byte[] returnData) {
      return new CallResult(false, returnData, VIEW_ENERGY, null);
    }

    static CallResult revert(byte[] reason) {
      return new CallResult(true, reason, REVERT_ENERGY, null);
    }
  }

  /** USDT moved by a successful transfer. */
  record Movement(TronAddress from, TronAddress to, long amount) {
    Ledger.Writes writes(Ledger ledger) {
      Ledger.Writes writes = new Ledger.Writes();
      writes.putUsdt(from, Math.subtractExact(ledger.usdt(from), amount));
      long toBefore = from.equals(to) ? ledger.usdt(from) - amount : ledger.usdt(to);
      return writes.putUsdt(to, Math.addExact(toBefore, amount));
    }

    EventLog log() {
      List<byte[]> topics = List.of(TRANSFER_TOPIC, from.abiWord(), to.abiWord());
      return new EventLog(ADDRESS, topics, Abi.uint256(amount));
    }
  }

  /** An EVM log as TRON reports it. */
  record EventLog(TronAddress address, List<byte[]> topics, byte[] data) {
    EventLog {
      topics = topics.stream().map(t -> Arrays.copyOf(t, t.length)).toList();
    }
  }
}
