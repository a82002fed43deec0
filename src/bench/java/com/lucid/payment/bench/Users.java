package com.lucid.payment.bench;

import com.lucid.payment.tron.chain.TronAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** The callers and recipients of a run: tokens of several users (per-user limits never bind) and valid addresses. */
record Users(List<String> tokens, List<String> recipients, Path tokenFile, Path recipientFile) {
  static final int RECIPIENTS = 1024;

  /** Mints one service-role token per user with the jar's `token` command and writes both lists to {@code dir}. */
  static Users mint(ServiceRun service, int users, Path dir) throws IOException, InterruptedException {
    List<String> tokens = new ArrayList<>();
    for (int i = 1; i <= users; i++) {
      tokens.add(service.token("bench-user-" + i, "service"));
    }
    SecureRandom random = new SecureRandom();
    List<String> recipients = new ArrayList<>();
    for (int i = 0; i < RECIPIENTS; i++) {
      byte[] evm = new byte[20];
      random.nextBytes(evm);
      recipients.add(TronAddress.fromEvm20(evm).base58());
    }
    Files.createDirectories(dir);
    Path tokenFile = Files.write(dir.resolve("tokens.txt"), tokens);
    Path recipientFile = Files.write(dir.resolve("recipients.txt"), recipients);
    return new Users(tokens, recipients, tokenFile, recipientFile);
  }

  /** What bench/wrk/payouts.lua reads. */
  /** The payouts.lua environment: {@code batchType} IMMEDIATE (settled at once) or DAILY (left pending till midnight). */
  java.util.Map<String, String> wrkEnvironment(String run, String batchType) {
    return java.util.Map.of("BENCH_TOKENS", tokenFile.toString(), "BENCH_ADDRESSES", recipientFile.toString(),
        "BENCH_RUN", run, "BENCH_BATCH", batchType);
  }
}
