package com.lucid.payment.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Dockerfile read as build stages of instructions (continuations joined, comments dropped). */
record DockerfileStages(String relativePath, List<List<Instruction>> stages) {

  /** One instruction: upper-case keyword and its raw arguments. */
  record Instruction(String keyword, String arguments) {
    /** The arguments as an exec-form JSON array; fails the test for the shell form. */
    List<String> execForm() {
      String json = arguments;
      if (keyword.equals("HEALTHCHECK")) {
        int cmd = json.indexOf("CMD ");
        assertTrue(cmd >= 0, "HEALTHCHECK without CMD: " + arguments);
        json = json.substring(cmd + 4).strip();
      }
      assertTrue(json.startsWith("["), keyword + " is in shell form: " + arguments);
      return new JsonArray(json).stream().map(String::valueOf).toList();
    }
  }

  static DockerfileStages load(String relativePath) throws IOException {
    List<List<Instruction>> stages = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(ExternalTool.projectFile(relativePath))) {
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue; // Docker drops comment lines, even inside a continuation
      }
      if (stripped.endsWith("\\")) {
        pending.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      pending.append(stripped);
      String[] words = pending.toString().split("\\s+", 2);
      pending.setLength(0);
      Instruction instruction = new Instruction(words[0].toUpperCase(Locale.ROOT),
          words.length > 1 ? words[1].strip() : "");
      if (instruction.keyword().equals("FROM")) {
        stages.add(new ArrayList<>());
      }
      assertTrue(!stages.isEmpty(), relativePath + ": instruction before FROM: " + instruction);
      stages.get(stages.size() - 1).add(instruction);
    }
    return new DockerfileStages(relativePath, stages);
  }

  List<Instruction> finalStage() {
    return stages.get(stages.size() - 1);
  }

  /** The instructions of the final stage with this keyword. */
  List<Instruction> inFinalStage(String keyword) {
    return finalStage().stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
  }
}
