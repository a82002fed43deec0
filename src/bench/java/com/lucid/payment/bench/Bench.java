package com.lucid.payment.bench;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code make bench}: ingest (wrk), settlement (devnet), the signing primitive (JMH), memory, and with SOAK a long
 * steady run; prints one summary table and writes target/bench/STAMP.json (and STAMP/ with the logs).
 */
public final class Bench {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Bench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args, STAMP.format(Instant.now()));
    Files.createDirectories(options.runDir());
    Machine machine = Machine.now();
    say("run " + options.stamp() + " on " + machine.cores() + " cores (" + machine.cpu() + "), load "
        + machine.loadAverage());
    Wrk wrk = new Wrk(options.scripts());
    Ingest.Result ingest = options.runs("ingest") ? Ingest.run(options, wrk) : null;
    Settlement.Result settlement = options.runs("settlement") ? Settlement.run(options) : null;
    Signing.Result signing = options.runs("signing") ? Signing.run(options) : null;
    Soak.Result soak = options.soak() > 0 ? Soak.run(options) : null;
    Machine after = Machine.now();
    List<Targets.Check> targets = Targets.check(ingest, settlement, signing, soak);
    JsonObject json = new JsonObject().put("stamp", options.stamp()).put("machine", machine.toJson())
        .put("load_average_after", after.loadAverage())
        .put("options", new JsonObject().put("seconds", options.seconds()).put("settle", options.settle())
            .put("soak", options.soak()).put("users", options.users())
            .put("service_jvm", String.join(" ", options.serviceJvmFlags("phase")))
            .put("service_env", new JsonObject(new java.util.TreeMap<String, Object>(ServiceRun.environment(Path.of("DATA_DIR"))))))
        .put("ingest", ingest == null ? null : ingest.toJson())
        .put("settlement", settlement == null ? null : settlement.toJson())
        .put("signing", signing == null ? null : signing.toJson())
        .put("soak", soak == null ? null : soak.toJson())
        .put("targets", Targets.toJson(targets));
    Path file = options.runDir().resolveSibling(options.stamp() + ".json");
    Files.writeString(file, json.encodePrettily());
    System.out.println(Report.table(machine, options, ingest, settlement, signing, soak, targets));
    System.out.println("JSON: " + file + "  (logs: " + options.runDir() + ")");
    System.exit(0);
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
  }
}
