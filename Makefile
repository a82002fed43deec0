# tron-payment-service: `make run` runs the service (devnet + embedded store), `make test` runs every test.
JAR := target/tron-payment-service.jar
MVN := mvn -B -ntp
SOURCES := pom.xml $(shell find src/main -type f 2>/dev/null)

.PHONY: run test package clean

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

clean:
	$(MVN) -q clean
	rm -rf data
