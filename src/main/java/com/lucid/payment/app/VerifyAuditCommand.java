package com.lucid.payment.app;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.AuditTrail;
import com.lucid.payment.store.Store;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code verify-audit}: walks every payout's hash-chained history in the configured store and reports each broken
 * chain. Exit 0 when all hold, 1 when any is broken, 2 on bad configuration. With the embedded store, run it while
 * the service is stopped (the store file is locked while in use).
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
            List<String> problems = AuditTrail.verify(payout);
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
      out.println(checked + " payouts checked, " + broken + " broken audit chains");
      return broken == 0 ? 0 : 1;
    } catch (Exception e) {
      out.println("verify-audit failed: " + Main.describe(e));
      return 1;
    } finally {
      vertx.close();
    }
  }
}
