package com.lucid.payment.tor;

import java.util.List;

/** One torrc line, written either into a generated torrc or as a command-line override of a torrc tor reads. */
record TorOption(String name, String value) {
  static TorOption of(String name, Object value) {
    return new TorOption(name, String.valueOf(value));
  }

  String line() {
    return name + " " + value;
  }

  /** Command-line form: for a list option (Log, DirAuthority) the first such argument replaces the file's lines. */
  List<String> arguments() {
    return List.of("--" + name, value);
  }
}
