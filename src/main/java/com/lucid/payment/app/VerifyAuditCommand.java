package com.lucid.payment.app;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.audit.StoredPayoutCheck;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.seal.SealKeyFile;
import com.lucid.payment.store.Store;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code verify-audit}: checks every payout in the configured store (its hash-chained history, its seal and each
 * attempt's seal, and that its money fields equal its creation event) and names each bad one. Exit 0 when all hold, 1
 * when any does not, 2 on bad configuration (a missing embedded store or seal key is never created). With the
 * embedded store, run it while the service is stopped (the store file is locked while in use).
 */
public final class VerifyAuditCommand {
  private static final int PAGE = 500;

  private VerifyAuditCommand() {}

  public static int run(Map<String, String> env, PrintStream out) {
    ServiceConfig config;
    try {
      config = ConfigLoader.load(env);
    } catch (ConfigException e) {
      out.println("configuration error: " + e.getMessage());
      return 2;
    }
    if (config.store().embedded() && !Files.exists(config.store().embeddedFile())) {
      out.println("configuration error: no embedded store at " + config.store().embeddedFile()
          + " (set DATA_DIR or EMBEDDED_STORE_FILE, or MONGO_URL)");
      return 2;
    }
    PayoutSeal seal;
    try {
      ServiceConfig.Integrity integrity = config.integrity();
      seal = SealKeyFile.load(new ServiceConfig.Integrity(integrity.sealKeyFile(), false, integrity.journalFile(),
          integrity.journalFsync()));
    } catch (ConfigException e) {
      out.println("configuration error: " + e.getMessage());
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    try {
      Store store = Store.open(vertx, config.store()).await(60, TimeUnit.SECONDS);
      long checked = 0;
      long broken = 0;
      try {
        for (int skip = 0; ; skip += PAGE) {
          List<JsonObject> page = store.mongo().findWithOptions(StoreSchema.PAYOUTS, new JsonObject(),
              new FindOptions().setSort(new JsonObject().put("_id", 1)).setSkip(skip).setLimit(PAGE))
              .await(60, TimeUnit.SECONDS);
          for (JsonObject payout : page) {
            checked++;
            List<String> problems = StoredPayoutCheck.problems(payout, seal);
            if (!problems.isEmpty()) {
              broken++;
              out.println("BROKEN " + payout.getString("_id") + ": " + String.join("; ", problems));
            }
          }
          if (page.size() < PAGE) {
            break;
          }
        }
      } finally {
        store.close().await(30, TimeUnit.SECONDS);
      }
      out.println(checked + " payouts checked, " + broken + " broken audit chains (history, seal or creation record)");
      return broken == 0 ? 0 : 1;
    } catch (Exception e) {
      out.println("verify-audit failed: " + Main.describe(e));
      return 1;
    } finally {
      vertx.close();
    }
  }
}
