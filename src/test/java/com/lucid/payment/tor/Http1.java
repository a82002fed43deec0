package com.lucid.payment.tor;

import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on a socket the caller opened, directly or through SOCKS: one request at a time on a kept-alive connection,
 * as an operator's client calls the gateway. Tokens go into headers only; failures never echo a request.
 */
final class Http1 implements AutoCloseable {
  private final Socket socket;
  private final String host;
  private final InputStream in;
  private final OutputStream out;

  /** A response: status, headers (lower-case names) and body. */
  record Reply(int status, Map<String, String> headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  /** HTTP on {@code socket}, sending {@code host} as the Host header; {@code preface} first when not null. */
  Http1(Socket socket, String host, String preface) throws IOException {
    this.socket = socket;
    this.host = host;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    if (preface != null) {
      out.write(preface.getBytes(StandardCharsets.US_ASCII));
    }
  }

  int localPort() {
    return socket.getLocalPort();
  }

  Reply get(String path, String token) throws IOException {
    return exchange("GET", path, token, Map.of(), null);
  }

  Reply post(String path, String token, Map<String, String> headers, String json) throws IOException {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    return exchange("POST", path, token, all, json.getBytes(StandardCharsets.UTF_8));
  }

  private Reply exchange(String method, String path, String token, Map<String, String> headers, byte[] body)
      throws IOException {
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
        .append(host).append("\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
    // one write: a request split in two meets Nagle and delayed ACKs on the exit's connection (a 40 ms stall)
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(head.toString().getBytes(StandardCharsets.UTF_8));
    if (body != null) {
      request.write(body);
    }
    out.write(request.toByteArray());
    out.flush();
    return read();
  }

  private Reply read() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + status);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
          size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      line();
    } else {
      body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
    }
    return new Reply(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed in the middle of a response");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
