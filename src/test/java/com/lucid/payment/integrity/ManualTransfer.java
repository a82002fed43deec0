package com.lucid.payment.integrity;

import com.lucid.payment.testing.Await;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.SignedTransfer;
import com.lucid.payment.tron.chain.TransferRequest;
import com.lucid.payment.tron.chain.Trc20Transfers;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A USDT transfer an operator sends by hand from the hot wallet (not through the service), solidified. */
final class ManualTransfer {
  private ManualTransfer() {}

  static String send(ChainUnderTest chain, HotWallet wallet, TronAddress to, long amount) throws Exception {
    WebClient web = WebClient.create(chain.vertx);
    try {
      JsonObject solid = post(web, chain, "/walletsolidity/getnowblock", new JsonObject());
      JsonObject head = post(web, chain, "/wallet/getnowblock", new JsonObject());
      long headTime = head.getJsonObject("block_header").getJsonObject("raw_data").getLong("timestamp");
      TransferRequest request = new TransferRequest(wallet.address(),
          TronAddress.fromBase58(chain.devnet.usdtContract()), to, amount, 50_000_000L,
          solid.getJsonObject("block_header").getJsonObject("raw_data").getLong("number"), solid.getString("blockID"),
          headTime + 60_000, headTime);
      SignedTransfer signed = wallet.sign(Trc20Transfers.build(request));
      post(web, chain, "/wallet/broadcasthex", new JsonObject().put("transaction", signed.transactionHex()));
      Await.until("the manual transfer to solidify", Duration.ofSeconds(30), () -> !post(web, chain,
          "/walletsolidity/gettransactioninfobyid", new JsonObject().put("value", signed.txid())).isEmpty());
      return signed.txid();
    } finally {
      web.close();
    }
  }

  private static JsonObject post(WebClient web, ChainUnderTest chain, String path, JsonObject body) throws Exception {
    return web.postAbs(chain.devnet.baseUrl() + path).sendBuffer(Buffer.buffer(body.encode()))
        .await(10, TimeUnit.SECONDS).bodyAsJsonObject();
  }
}
