package com.lucid.payment.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of environment variables; every bad value becomes a {@link ConfigException} naming the variable. */
final class Env {
  private final Map<String, String> vars;

  Env(Map<String, String> vars) {
    this.vars = vars;
  }

  Optional<String> get(String name) {
    String v = vars.get(name);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(v.trim());
  }

  String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  /** The first of several accepted names that is set; two set to different values is an error. */
  Optional<String> firstOf(String... names) {
    Optional<String> found = Optional.empty();
    String foundName = null;
    for (String name : names) {
      Optional<String> v = get(name);
      if (v.isPresent() && found.isPresent() && !v.get().equals(found.get())) {
        throw new ConfigException(name, "conflicts with " + foundName + "; set only one of them");
      }
      if (v.isPresent() && found.isEmpty()) {
        found = v;
        foundName = name;
      }
    }
    return found;
  }

  int integer(String name, int fallback, int min, int max) {
    return get(name).map(v -> parseInt(name, v, min, max)).orElse(fallback);
  }

  static int parseInt(String name, String v, int min, int max) {
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw new ConfigException(name, "'" + v + "' is not a whole number from " + min + " to " + max);
  }

  /** A USDT amount as a decimal string, in base units. */
  long usdt(String name, String fallback) {
    String v = get(name, fallback);
    try {
      return com.lucid.payment.api.Usdt.parse(v);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ConfigException(name, "'" + v + "' is not a USDT amount (a decimal with at most 6 places)");
    }
  }

  /** A percentage from 0 to 100 with at most 2 decimals, as basis points (2.5 → 250), parsed exactly. */
  int percentBasisPoints(String name, String fallback) {
    String v = get(name, fallback);
    if (v.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
      int bps = new java.math.BigDecimal(v).movePointRight(2).intValueExact();
      if (bps <= 10_000) {
        return bps;
      }
    }
    throw new ConfigException(name, "'" + v + "' is not a percentage from 0 to 100 with at most 2 decimals");
  }

  boolean bool(String name, boolean fallback) {
    return get(name)
        .map(v -> switch (v.toLowerCase(Locale.ROOT)) {
          case "true" -> true;
          case "false" -> false;
          default -> throw new ConfigException(name, "'" + v + "' is not true or false");
        })
        .orElse(fallback);
  }

  <E extends Enum<E>> E oneOf(String name, Class<E> type, E fallback) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.get())) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new ConfigException(name, "'" + v.get() + "' is not one of " + allowed);
  }

  /** A secret given either inline as NAME or as a file path in NAME_FILE (the Docker secrets pattern), not both. */
  Optional<ServiceConfig.Secret> secret(String name) {
    Optional<String> inline = get(name);
    Optional<String> file = get(name + "_FILE");
    if (inline.isPresent() && file.isPresent()) {
      throw new ConfigException(name, "set either " + name + " or " + name + "_FILE, not both");
    }
    if (file.isPresent()) {
      return Optional.of(new ServiceConfig.Secret(readSecretFile(name + "_FILE", Path.of(file.get()))));
    }
    return inline.map(ServiceConfig.Secret::new);
  }

  static String readSecretFile(String variable, Path path) {
    try {
      String content = Files.readString(path, StandardCharsets.UTF_8).trim();
      if (content.isEmpty()) {
        throw new ConfigException(variable, "file " + path + " is empty");
      }
      return content;
    } catch (IOException e) {
      throw new ConfigException(variable, "file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
