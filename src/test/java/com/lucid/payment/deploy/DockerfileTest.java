package com.lucid.payment.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.deploy.DockerfileStages.Instruction;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Dockerfiles: dockerfilelint, and what the deployment contract demands of the runtime image. */
@Tag("deploy")
class DockerfileTest {
  private static final String JAR = "/app/tron-payment-service.jar";

  @ParameterizedTest
  @ValueSource(strings = {"docker/Dockerfile", "docker/tor.Dockerfile"})
  void dockerfilePassesTheLinter(String file) throws Exception {
    ExternalTool.Run lint = ExternalTool.run(Duration.ofSeconds(60),
        List.of(ExternalTool.require("dockerfilelint"), ExternalTool.projectFile(file).toString()));

    assertEquals(0, lint.exitCode(), lint::describe);
    assertTrue(lint.stdout().contains("Issues: None found"), lint::describe);
  }

  @Test
  void runtimeImageIsDistrolessNonRootWithoutShellForms() throws Exception {
    DockerfileStages dockerfile = DockerfileStages.load("docker/Dockerfile");

    assertTrue(dockerfile.stages().size() >= 2, "multi-stage: build, then runtime");
    String base = dockerfile.inFinalStage("FROM").get(0).arguments();
    assertTrue(base.matches("gcr\\.io/distroless/java21-debian13:nonroot(@sha256:[0-9a-f]{64})?"), base);
    List<Instruction> users = dockerfile.inFinalStage("USER");
    assertFalse(users.isEmpty(), "no USER in the runtime stage");
    assertTrue(users.get(users.size() - 1).arguments().matches("65532(:65532)?"), users::toString);
    assertEquals(List.of(), dockerfile.inFinalStage("RUN"), "the runtime image has no shell to RUN");
    assertEquals(List.of(), dockerfile.inFinalStage("SHELL"));
    for (String keyword : List.of("ENTRYPOINT", "CMD", "HEALTHCHECK")) {
      dockerfile.inFinalStage(keyword).forEach(Instruction::execForm);
    }
    Set<String> exposed = dockerfile.inFinalStage("EXPOSE").stream()
        .flatMap(expose -> Arrays.stream(expose.arguments().split("\\s+")))
        .collect(Collectors.toSet());
    assertEquals(Set.of("8080", "8090"), exposed);
  }

  @Test
  void entrypointRunsTheFatJarWithContainerJvmFlags() throws Exception {
    List<String> entrypoint = DockerfileStages.load("docker/Dockerfile")
        .inFinalStage("ENTRYPOINT").get(0).execForm();

    assertTrue(entrypoint.containsAll(List.of("-XX:MaxRAMPercentage=25", "-XX:+ExitOnOutOfMemoryError",
        "-XX:-HeapDumpOnOutOfMemoryError", "-Dvertx.cacheDirBase=/tmp/vertx-cache",
        "-Dvertx.disableFileCPResolving=true", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:MaxNewSize=64m",
        "-XX:TrimNativeHeapInterval=5000")), entrypoint::toString);
    assertEquals(List.of("-jar", JAR), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
  }

  @Test
  void healthcheckRunsTheJavaProbeFromTheJar() throws Exception {
    List<Instruction> healthchecks =
        DockerfileStages.load("docker/Dockerfile").inFinalStage("HEALTHCHECK");

    assertEquals(1, healthchecks.size());
    List<String> probe = healthchecks.get(0).execForm();
    assertTrue(probe.get(0).endsWith("java"), probe::toString);
    int classPath = probe.indexOf("-cp");
    assertNotEquals(-1, classPath, probe::toString);
    assertEquals(List.of(JAR, "com.lucid.payment.app.HealthCheck"),
        probe.subList(classPath + 1, classPath + 3));
  }

  @Test
  void buildStageIsPinnedAndFetchesDependenciesBeforeSources() throws Exception {
    List<Instruction> build = DockerfileStages.load("docker/Dockerfile").stages().get(0);

    String image = build.get(0).arguments().split("\\s+")[0];
    assertTrue(image.matches("maven:3\\.9\\.\\d+-eclipse-temurin-\\d+.*"), "pinned Maven image: " + image);
    List<String> steps = build.stream().map(i -> i.keyword() + " " + i.arguments()).toList();
    int pom = indexOf(steps, "COPY pom.xml");
    int goOffline = indexOf(steps, "RUN mvn -B -q dependency:go-offline");
    int sources = indexOf(steps, "COPY src");
    int packaging = indexOf(steps, "RUN mvn -B -q package -DskipTests");
    assertTrue(pom < goOffline && goOffline < sources && sources < packaging, steps::toString);
  }

  @Test
  void torImageRunsTorAsItsOwnUser() throws Exception {
    DockerfileStages tor = DockerfileStages.load("docker/tor.Dockerfile");

    assertEquals(List.of("debian-tor"),
        tor.inFinalStage("USER").stream().map(Instruction::arguments).toList());
    assertEquals(List.of("/usr/bin/tor", "-f", "/etc/tor/torrc"),
        tor.inFinalStage("ENTRYPOINT").get(0).execForm());
  }

  private static int indexOf(List<String> steps, String prefix) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no step starting with `" + prefix + "` in " + steps);
  }
}
