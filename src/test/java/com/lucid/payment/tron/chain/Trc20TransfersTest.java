package com.lucid.payment.tron.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Trc20TransfersTest {

  /** A request whose TaPoS block yields the vector's ref_block_bytes and ref_block_hash. */
  static TransferRequest request(JsonObject input, long amount) {
    long blockNumber = 0x3f_0000L + Integer.parseInt(input.getString("ref_block_bytes"), 16);
    String blockId = String.format("%016x", blockNumber) + input.getString("ref_block_hash") + "00".repeat(16);
    return new TransferRequest(
        TronAddress.fromBase58(input.getString("owner_address")),
        TronAddress.fromBase58(input.getString("contract_address")),
        TronAddress.fromBase58(input.getString("recipient")),
        amount,
        input.getLong("fee_limit"),
        blockNumber,
        blockId,
        input.getLong("expiration"),
        input.getLong("timestamp"));
  }

  @Test
  void everyTransactionVectorIsRebuiltByteForByte() {
    for (JsonObject tx : Vectors.transactions()) {
      JsonObject input = tx.getJsonObject("input");
      BigInteger amount = new BigInteger(input.getString("amount"));
      byte[] data = Trc20Abi.transferData(TronAddress.fromBase58(input.getString("recipient")), amount);
      assertEquals(tx.getString("data"), Hex.encode(data), tx.getString("id"));
      byte[] raw = Trc20Transfers.rawData(request(input, 1), data);
      assertEquals(tx.getString("raw_data_hex"), Hex.encode(raw), tx.getString("id"));
      UnsignedTransfer unsigned = UnsignedTransfer.fromRawData(raw);
      assertEquals(tx.getString("txID"), unsigned.txid(), tx.getString("id"));
      assertEquals(input.getLong("expiration"), unsigned.expirationMs());
      assertEquals(input.getLong("fee_limit"), unsigned.feeLimitSun());
    }
  }

  @Test
  void buildProducesTheVectorTransactionFromALongAmount() {
    for (JsonObject tx : Vectors.transactions()) {
      BigInteger amount = new BigInteger(tx.getJsonObject("input").getString("amount"));
      if (amount.bitLength() > 63) {
        continue; // usdt-2pow64 is covered above: a payout amount is a long
      }
      UnsignedTransfer unsigned = Trc20Transfers.build(request(tx.getJsonObject("input"), amount.longValueExact()));
      assertEquals(tx.getString("raw_data_hex"), unsigned.rawDataHex(), tx.getString("id"));
      assertEquals(tx.getString("txID"), unsigned.txid(), tx.getString("id"));
    }
  }

  @Test
  void signedVectorTransactionsCarryTheVectorSignature() {
    for (JsonObject tx : Vectors.transactions()) {
      JsonObject input = tx.getJsonObject("input");
      HotWallet wallet = HotWallet.fromPrivateKeyHex(input.getString("owner_private_key"));
      SignedTransfer signed = wallet.sign(UnsignedTransfer.fromRawData(Hex.decode(tx.getString("raw_data_hex"))));
      assertEquals(tx.getString("signature_recid"), signed.signatureHex(), tx.getString("id"));
      assertEquals(wallet.address(), signed.signer());
      assertEquals(signed, SignedTransfer.fromTransactionHex(signed.transactionHex()));
      String tronWebStyle = tx.getJsonObject("signed_transaction").getJsonArray("signature").getString(0);
      SignedTransfer withV27 = new SignedTransfer(signed.txid(), signed.rawDataHex(), tronWebStyle,
          signed.expirationMs(), signed.feeLimitSun());
      assertEquals(wallet.address(), withV27.signer(), tx.getString("id"));
    }
  }

  @Test
  void transactionHexIsTheWholeSignedProtobufTransaction() {
    JsonObject tx = Vectors.transaction("usdt-1-usdt");
    HotWallet wallet = HotWallet.fromPrivateKeyHex(tx.getJsonObject("input").getString("owner_private_key"));
    SignedTransfer signed = wallet.sign(Trc20Transfers.build(request(tx.getJsonObject("input"), 1_000_000)));
    String raw = tx.getString("raw_data_hex");
    // field 1 (raw_data, 211 bytes = d3 01), field 2 (signature, 65 bytes = 41)
    assertEquals("0ad301" + raw + "1241" + tx.getString("signature_recid"), signed.transactionHex());
  }

  @Test
  void tamperedOrIncompleteTransactionHexIsRefused() {
    JsonObject tx = Vectors.transaction("usdt-1-unit");
    String raw = tx.getString("raw_data_hex");
    String sig = tx.getString("signature_recid");
    String good = "0ad301" + raw + "1241" + sig;
    assertEquals(tx.getString("txID"), SignedTransfer.fromTransactionHex(good).txid());
    assertThrows(ChainDataException.class, () -> SignedTransfer.fromTransactionHex(good + "00"));
    assertThrows(ChainDataException.class, () -> SignedTransfer.fromTransactionHex(good + "1241" + sig));
    assertThrows(ChainDataException.class, () -> SignedTransfer.fromTransactionHex("0ad301" + raw));
    assertThrows(ChainDataException.class,
        () -> SignedTransfer.fromTransactionHex("0ad301" + raw + "1240" + sig.substring(0, 128)));
    assertThrows(ChainDataException.class, () -> SignedTransfer.fromTransactionHex("1241" + sig + "0ad301" + raw));
    assertThrows(ChainDataException.class, () -> SignedTransfer.fromTransactionHex(good.substring(0, 100)));
    assertThrows(ChainDataException.class, () -> SignedTransfer.fromTransactionHex("zz"));
  }

  @Test
  void recordsRefuseATxidThatIsNotTheHashOfTheirBytes() {
    JsonObject tx = Vectors.transaction("usdt-1-unit");
    String wrongTxid = Vectors.transaction("usdt-1-usdt").getString("txID");
    assertThrows(ChainDataException.class,
        () -> new UnsignedTransfer(wrongTxid, tx.getString("raw_data_hex"), 1777447228009L, 30_000_000L));
    assertThrows(ChainDataException.class,
        () -> new UnsignedTransfer(tx.getString("txID"), tx.getString("raw_data_hex"), 1777447228009L, 1L));
    assertEquals(tx.getString("txID"),
        new UnsignedTransfer(tx.getString("txID"), tx.getString("raw_data_hex"), 1777447228009L, 30_000_000L).txid());
  }

  @Test
  void tapsosReferenceUsesLowBlockNumberBytesAndTheIdAfterTheNumber() {
    assertEquals("28c3", Hex.encode(Trc20Transfers.refBlockBytes(0x0365_28c3L)));
    assertEquals("ffff", Hex.encode(Trc20Transfers.refBlockBytes(65_535)));
    assertEquals("0000", Hex.encode(Trc20Transfers.refBlockBytes(65_536)));
    String blockId = "00000000036528c3" + "ce6d340282788569" + "1122334455667788".repeat(2);
    assertEquals("ce6d340282788569", Hex.encode(Trc20Transfers.refBlockHash(blockId)));
  }

  @Test
  void requestsThatCouldNeverBeAValidPayoutAreRefused() {
    JsonObject input = Vectors.transaction("usdt-1-usdt").getJsonObject("input");
    TransferRequest ok = request(input, 1_000_000);
    assertThrows(IllegalArgumentException.class, () -> request(input, 0));
    assertThrows(IllegalArgumentException.class, () -> new TransferRequest(ok.owner(), ok.usdtContract(),
        ok.recipient(), 1, 0, ok.refBlockNumber(), ok.refBlockId(), ok.expirationMs(), ok.timestampMs()));
    assertThrows(IllegalArgumentException.class, () -> new TransferRequest(ok.owner(), ok.usdtContract(),
        ok.owner(), 1, 1, ok.refBlockNumber(), ok.refBlockId(), ok.expirationMs(), ok.timestampMs()));
    assertThrows(IllegalArgumentException.class, () -> new TransferRequest(ok.owner(), ok.usdtContract(),
        ok.usdtContract(), 1, 1, ok.refBlockNumber(), ok.refBlockId(), ok.expirationMs(), ok.timestampMs()));
    assertThrows(IllegalArgumentException.class, () -> new TransferRequest(ok.owner(), ok.usdtContract(),
        ok.recipient(), 1, 1, ok.refBlockNumber(), "abcd", ok.expirationMs(), ok.timestampMs()));
    assertThrows(IllegalArgumentException.class, () -> new TransferRequest(ok.owner(), ok.usdtContract(),
        ok.recipient(), 1, 1, ok.refBlockNumber(), ok.refBlockId(), ok.timestampMs(), ok.timestampMs()));
  }
}
