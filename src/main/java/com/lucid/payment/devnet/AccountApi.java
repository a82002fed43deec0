package com.lucid.payment.devnet;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import org.tron.trident.utils.Base58Check;

/** getaccount, getaccountresource, validateaddress. */
final class AccountApi {
  private final Devnet devnet;

  AccountApi(Devnet devnet) {
    this.devnet = devnet;
  }

  void mount(Routes.Apis apis) {
    Routes.withSolidityTwin(apis, "getaccount", this::account);
    Routes.withSolidityTwin(apis, "getaccountresource", this::accountResource);
    apis.full().route("/wallet/validateaddress").handler(this::validateAddress);
  }

  /** {} when the account was never activated. */
  private JsonObject account(RoutingContext ctx, boolean solidity) {
    NodeRequest request = NodeRequest.of(ctx);
    TronAddress address = request.address("address");
    if (address == null) {
      return new JsonObject();
    }
    Chain chain = devnet.chain();
    long now = chain.headBlock().timestamp();
    Account account = chain.read(solidity, ledger -> ledger.account(address));
    return account == null ? new JsonObject()
        : ChainJson.account(account, now, request.visible());
  }

  /** java-tron decodes this address with bouncycastle's Hex directly, not its JSON parser. */
  private JsonObject accountResource(RoutingContext ctx, boolean solidity) {
    NodeRequest request = NodeRequest.of(ctx);
    TronAddress address;
    try {
      address = request.address("address");
    } catch (InvalidInput e) {
      throw e.isParse() ? InvalidInput.hexDecoder() : e;
    }
    if (address == null) {
      return new JsonObject();
    }
    Chain chain = devnet.chain();
    long now = chain.headBlock().timestamp();
    Account account = chain.read(solidity, ledger -> ledger.account(address));
    return account == null ? new JsonObject()
        : ChainJson.accountResource(account, chain.resources(), now);
  }

  /** Format only, by length: 42 hex, 34 base58check, 28 base64; malformed POST JSON: empty body. */
  private void validateAddress(RoutingContext ctx) {
    String input;
    try {
      input = NodeRequest.of(ctx).string("address");
    } catch (InvalidInput e) {
      ctx.response().end();
      return;
    }
    input = input == null ? "" : input;
    boolean valid;
    String message;
    if (input.length() == 42) {
      message = "Hex string format";
      valid = input.matches("(?i)41[0-9a-f]{40}");
    } else if (input.length() == 34) {
      message = "Base58check format";
      valid = base58Valid(input);
    } else if (input.length() == 28) {
      message = "Base64 format";
      valid = base64Valid(input);
    } else {
      message = "Length error";
      valid = false;
    }
    Routes.reply(ctx, new JsonObject().put("result", valid)
        .put("message", valid ? message : "Invalid address"));
  }

  private static boolean base58Valid(String input) {
    try {
      byte[] bytes = Base58Check.base58ToBytes(input);
      return bytes.length == 21 && bytes[0] == TronAddress.PREFIX;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean base64Valid(String input) {
    try {
      byte[] bytes = Base64.getDecoder().decode(input);
      return bytes.length == 21 && bytes[0] == TronAddress.PREFIX;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
