package com.lucid.payment.config;

/** A configuration value that stops start-up: names the variable and what is allowed, never the value of a secret. */
public final class ConfigException extends RuntimeException {
  private final String variable;

  public ConfigException(String variable, String problem) {
    super(variable + ": " + problem);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
