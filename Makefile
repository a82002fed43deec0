# tron-payment-service: `make run` runs the service (devnet + embedded store), `make test` runs every test.
JAR := target/tron-payment-service.jar
MVN := mvn -B -ntp
SOURCES := pom.xml $(shell find src/main -type f 2>/dev/null)

.PHONY: run test package clean bench

# the devnet makes a block every 300 ms here (3 s on TRON) so a payout confirms within seconds; override as you like
run: $(JAR)
	DEVNET_BLOCK_MS=$${DEVNET_BLOCK_MS:-300} java -Dvertx.disableFileCPResolving=true -jar $(JAR)

package: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -q package -DskipTests

# the jar first: a test starts it from a read-only copy, as the container would
test:
	$(MVN) -q package -DskipTests
	$(MVN) verify

# make bench [SECONDS=10] [SETTLE=5000] [SOAK=600] [PHASES=ingest,settlement,signing] [JFR=1]: see README, Benchmarks
bench:
	$(MVN) -q -Pbench package -Dmaven.test.skip=true
	java -cp "target/bench-classes:target/classes:$$(cat target/bench/classpath.txt)" com.lucid.payment.bench.Bench \
	  --jar $(JAR) --scripts bench/wrk --out target/bench --seconds $${SECONDS:-10} --settle $${SETTLE:-5000} \
	  --soak $${SOAK:-0} --phases $${PHASES:-ingest,settlement,signing} $${JFR:+--jfr}

clean:
	$(MVN) -q clean
	rm -rf data
