package com.lucid.payment.gateway;

import com.lucid.payment.api.Role;
import com.lucid.payment.auth.TokenIssuer;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.config.ServiceConfig.JwtAlgorithm;
import java.time.Duration;
import java.time.Instant;

/** What devnet prints once it is up: a short-lived admin token and the curl commands to create a payout and follow it. */
public final class DevnetBanner {
  public static final Duration TOKEN_TTL = Duration.ofHours(1);
  /** A valid base58check address (private key 0x01), never the devnet hot wallet. */
  static final String RECIPIENT = "TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC";

  private DevnetBanner() {}

  /** The banner for a gateway on the given address; the JWT settings must carry their secret. */
  public static String text(ServiceConfig.Jwt jwt, String bindAddress, int port, Instant now) {
    if (jwt.algorithm() != JwtAlgorithm.HS256 || jwt.secret().isEmpty()) {
      return "devnet: JWT_ALGORITHM=" + jwt.algorithm().jwsName()
          + " verifies with public keys only; use tokens from your issuer.";
    }
    String token = new TokenIssuer(jwt).issue("devnet-admin", Role.ADMIN, TOKEN_TTL, now);
    String base = "http://" + host(bindAddress) + ":" + port + GatewayVerticle.BASE;
    String body = "{\"recipient_address\":\"" + RECIPIENT + "\",\"amount_usdt\":\"1.50\",\"reason\":\"devnet try\","
        + "\"router_type\":\"PayoutRouterV0\"}";
    return String.join(System.lineSeparator(),
        "",
        "devnet is ready. An admin token, valid for " + TOKEN_TTL.toMinutes() + " minutes (more with: java -jar "
            + "target/tron-payment-service.jar token --sub NAME --role ROLE --ttl 15m):",
        "",
        "export TOKEN='" + token + "'",
        "",
        "# create a payout (its JSON is shown), then follow it:",
        "PAYOUT_ID=$(curl -s -X POST " + base + "/payouts -H \"Authorization: Bearer $TOKEN\" \\",
        "  -H 'Content-Type: application/json' -H \"Idempotency-Key: devnet-$(date +%s)\" \\",
        "  -d '" + body + "' \\",
        "  | tee /dev/stderr | sed -n 's/.*\"payout_id\":\"\\([^\"]*\\)\".*/\\1/p')",
        "curl -s " + base + "/payouts/$PAYOUT_ID -H \"Authorization: Bearer $TOKEN\"",
        "");
  }

  private static String host(String bindAddress) {
    if (bindAddress.equals("0.0.0.0") || bindAddress.equals("::")) {
      return "127.0.0.1";
    }
    return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
  }
}
