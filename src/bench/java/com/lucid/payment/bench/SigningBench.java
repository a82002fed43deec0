package com.lucid.payment.bench;

import com.lucid.payment.devnet.DevnetHandle;
import com.lucid.payment.tron.chain.ExpectedTransfer;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.Signatures;
import com.lucid.payment.tron.chain.SignedTransfer;
import com.lucid.payment.tron.chain.TransferCheck;
import com.lucid.payment.tron.chain.TransferRequest;
import com.lucid.payment.tron.chain.Trc20Transfers;
import com.lucid.payment.tron.chain.TronAddress;
import com.lucid.payment.tron.chain.UnsignedTransfer;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The signing primitive the payout engine works against: what TransferSigner does once the node has answered (build
 * the TRC20 transfer, check it field by field, sign, check the signature recovers to the owner, encode the bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBench {
  private static final long FEE_CAP_SUN = 100_000_000;
  private static final long WINDOW_MS = 60_000;

  private HotWallet wallet;
  private TronAddress usdt;
  private TronAddress recipient;
  private byte[] txid;
  private byte[] signature;
  private long timestamp;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    wallet = HotWallet.generate(random);
    usdt = TronAddress.fromBase58(DevnetHandle.USDT_CONTRACT);
    byte[] evm = new byte[20];
    random.nextBytes(evm);
    recipient = TronAddress.fromEvm20(evm);
    txid = new byte[32];
    random.nextBytes(txid);
    signature = wallet.sign(txid);
    timestamp = System.currentTimeMillis();
  }

  /** Build + check + sign + check signature + encode: one payout attempt's CPU cost on the wallet plane. */
  @Benchmark
  public String transfer() {
    long now = ++timestamp; // a new txid every time, as every attempt has one
    TransferRequest request = new TransferRequest(wallet.address(), usdt, recipient, 1_500_000, 30_000_000,
        1_000, "00000000000003e8" + "ab".repeat(24), now + WINDOW_MS, now);
    ExpectedTransfer expected = new ExpectedTransfer(wallet.address(), usdt, recipient, 1_500_000, FEE_CAP_SUN, now,
        WINDOW_MS + 30_000);
    UnsignedTransfer unsigned = Trc20Transfers.build(request);
    check(TransferCheck.verify(unsigned, expected).isEmpty());
    SignedTransfer signed = wallet.sign(unsigned);
    check(TransferCheck.verify(signed, expected).isEmpty());
    return signed.transactionHex();
  }

  /** The secp256k1 signature alone (RFC 6979, low-s). */
  @Benchmark
  public byte[] sign() {
    txid[0]++;
    return wallet.sign(txid);
  }

  /** Recovering the signer from a signature alone (what the check after signing and the node both do). */
  @Benchmark
  public TronAddress recover() {
    return Signatures.recover(txid, signature);
  }

  private static void check(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("the benchmark transfer does not check out");
    }
  }
}
