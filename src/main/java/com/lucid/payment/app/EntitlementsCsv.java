package com.lucid.payment.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A period's entitlements as an operator keeps them: CSV with a header row naming the columns recipient, node_id,
 * gross_usdt, router_type and, for KYC entries, kyc_hash, compliance_expiry, compliance_v, compliance_r and
 * compliance_s (any order; recipient, gross_usdt and router_type required). Amounts stay the exact text written;
 * empty cells are left out; fields may be quoted ("a,b", "say ""x""").
 */
final class EntitlementsCsv {
  private static final Set<String> COLUMNS = Set.of("recipient", "node_id", "gross_usdt", "router_type", "kyc_hash",
      "compliance_expiry", "compliance_v", "compliance_r", "compliance_s");
  private static final List<String> REQUIRED = List.of("recipient", "gross_usdt", "router_type");

  private EntitlementsCsv() {}

  /** The entries of the distribution request; IllegalArgumentException naming the line of the first problem. */
  static JsonArray entries(String text) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("the file is empty: a header row and one row per entry are expected");
    }
    List<String> header = cells(lines.get(0), 1).stream().map(String::strip).toList();
    for (String column : header) {
      if (!COLUMNS.contains(column)) {
        throw new IllegalArgumentException("line 1: unknown column '" + column + "'; columns are " + COLUMNS);
      }
    }
    for (String required : REQUIRED) {
      if (!header.contains(required)) {
        throw new IllegalArgumentException("line 1: the column " + required + " is required");
      }
    }
    JsonArray entries = new JsonArray();
    for (int i = 1; i < lines.size(); i++) {
      List<String> row = cells(lines.get(i), i + 1);
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + row.size() + " cells, the header has "
            + header.size());
      }
      entries.add(entry(header, row, i + 1));
    }
    return entries;
  }

  private static JsonObject entry(List<String> header, List<String> row, int line) {
    JsonObject entry = new JsonObject();
    JsonObject signature = new JsonObject();
    for (int c = 0; c < header.size(); c++) {
      String value = row.get(c).strip();
      if (value.isEmpty()) {
        continue;
      }
      String column = header.get(c);
      if (column.startsWith("compliance_")) {
        String field = column.substring("compliance_".length());
        try {
          signature.put(field, field.equals("expiry") ? (Object) Long.parseLong(value)
              : field.equals("v") ? (Object) Integer.parseInt(value) : value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("line " + line + ": " + column + " must be a whole number");
        }
      } else {
        entry.put(column, value);
      }
    }
    if (!signature.isEmpty()) {
      entry.put("compliance_signature", signature);
    }
    return entry;
  }

  /** One line's cells (RFC 4180 quoting, without line breaks inside quotes). */
  static List<String> cells(String line, int number) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"' && cell.length() == 0) {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + number + ": a quoted cell is not closed");
    }
    cells.add(cell.toString());
    return cells;
  }
}
