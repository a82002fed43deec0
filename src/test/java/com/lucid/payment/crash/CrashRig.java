package com.lucid.payment.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Role;
import com.lucid.payment.auth.TokenIssuer;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.tron.chain.HotWallet;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A standalone devnet funding a freshly generated hot wallet, and the service as a separate JVM that pays from it,
 * with the key and the JWT secret in owner-only files; a client with a real HS256 token for the service role.
 */
final class CrashRig implements AutoCloseable {
  private static final long BLOCK_MS = 100;
  /** Blocks after the last signature within which every attempt has landed or expired: 3 s expiration, solidity. */
  private static final int SETTLING_BLOCKS = 50;

  final StandaloneDevnet devnet;
  final KillableService service;
  final PayoutsApi api;
  final String hotWallet;
  private final long usdtBefore;
  private final String context;

  private CrashRig(StandaloneDevnet devnet, KillableService service, PayoutsApi api, String hotWallet,
      long usdtBefore, String context) {
    this.devnet = devnet;
    this.service = service;
    this.api = api;
    this.hotWallet = hotWallet;
    this.usdtBefore = usdtBefore;
    this.context = context;
  }

  /** Everything up, the service ready; logs of each service life go to {@code logDir}. */
  static CrashRig start(Path dir, Path logDir, String context) throws Exception {
    HotWallet hot = HotWallet.generate(new SecureRandom());
    String wallet = hot.address().base58();
    Path key = ownerOnly(dir.resolve("hot-wallet.key"), hot.privateKeyHexForDevnetKeyFile());
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path jwtSecret = ownerOnly(dir.resolve("jwt-secret"), secret);
    StandaloneDevnet devnet = StandaloneDevnet.start(dir, BLOCK_MS, wallet + ":10000:100000");
    KillableService service = new KillableService(dir,
        KillableService.env(dir.resolve("data"), devnet.url(), key, jwtSecret), logDir);
    try {
      long usdtBefore = devnet.journal().usdtUnits().get(wallet);
      service.start();
      ServiceConfig.Jwt jwt = new ServiceConfig.Jwt(ServiceConfig.JwtAlgorithm.HS256,
          Optional.of(new ServiceConfig.Secret(secret)), List.of(), Optional.empty(), Optional.empty(),
          Optional.empty());
      String token = new TokenIssuer(jwt).issue("lucid-rewards", Role.SERVICE, Duration.ofHours(1), Instant.now());
      return new CrashRig(devnet, service, new PayoutsApi(service::gatewayPort, token), wallet, usdtBefore, context);
    } catch (Exception | AssertionError e) {
      service.close();
      devnet.close();
      throw e;
    }
  }

  private static Path ownerOnly(Path file, String content) throws IOException {
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content + "\n");
    return file;
  }

  /**
   * The end of a run: waits until every payout is confirmed, stops the service (SIGTERM), lets the chain run until
   * nothing signed could still land, checks the journal against the accepted payouts, then runs verify-audit.
   * Returns how many payouts needed more than one attempt.
   */
  int assertSettledExactlyOnce(Map<String, PayoutOrder> acceptedById) throws Exception {
    Map<String, JsonObject> confirmed = Settlement.awaitAllConfirmed(api, 150, context);
    int resigned = Settlement.assertEarlierAttemptsDead(api, confirmed, context);
    assertEquals(143, service.stop(), context + ": the last life stops cleanly on SIGTERM");
    devnet.awaitBlocks(SETTLING_BLOCKS);
    Settlement.assertPaidExactlyOnce(devnet.journal(), hotWallet, usdtBefore, acceptedById, confirmed, context);
    KillableService.ServiceRun audit = service.verifyAudit();
    assertEquals(0, audit.exitCode(), context + ": verify-audit\n" + audit.output());
    assertTrue(audit.output().contains(acceptedById.size() + " payouts checked, 0 broken audit chains"),
        context + ": verify-audit\n" + audit.output());
    return resigned;
  }

  @Override
  public void close() throws Exception {
    try {
      service.close();
    } finally {
      devnet.close();
    }
  }
}
