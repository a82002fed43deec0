package com.lucid.payment.gateway;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a bare socket, for requests a client library would refuse to send or would tidy up: broken framing,
 * oversized heads, duplicate headers, NUL bytes, pipelined garbage. Reads every response the server writes until it
 * closes the connection or falls silent.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private boolean closedByServer;

  /** One response as written on the wire. */
  public record Response(int status, List<String[]> headers, String body) {
    public Optional<String> header(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    public JsonObject json() {
      return new JsonObject(body);
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder().append(status);
      headers.forEach(h -> text.append(' ').append(h[0]).append('=').append(h[1]));
      return text.append(' ').append(body).toString();
    }
  }

  public RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Sends bytes as they are; a peer that already closed may make this fail, which is reported as false. */
  public boolean send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  public boolean send(String latin1) {
    return send(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Reads until the server closes the connection or sends nothing for quietMillis; then parses what came. */
  public List<Response> read(int quietMillis) throws IOException {
    socket.setSoTimeout(quietMillis);
    byte[] chunk = new byte[8192];
    try {
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        received.write(chunk, 0, n);
      }
      closedByServer = true;
    } catch (SocketTimeoutException quiet) {
      // the server kept the connection open and said nothing more
    } catch (IOException reset) {
      closedByServer = true;
    }
    return parse(received.toByteArray());
  }

  /** Reads until one whole response has come (or the server closed, or timeoutMillis passed): the first one. */
  public Optional<Response> readOne(int timeoutMillis) throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    byte[] chunk = new byte[8192];
    while (System.currentTimeMillis() < deadline) {
      List<Response> responses = parse(received.toByteArray());
      if (!responses.isEmpty() && complete(received.toByteArray())) {
        return Optional.of(responses.get(0));
      }
      socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
      try {
        int n = in.read(chunk);
        if (n < 0) {
          closedByServer = true;
          break;
        }
        received.write(chunk, 0, n);
      } catch (SocketTimeoutException quiet) {
        break;
      } catch (IOException reset) {
        closedByServer = true;
        break;
      }
    }
    return parse(received.toByteArray()).stream().findFirst();
  }

  /** Whether the first response's body has fully arrived (its Content-Length). */
  private static boolean complete(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
        .matcher(text.substring(0, headEnd));
    return !length.find() || text.length() >= headEnd + 4 + Integer.parseInt(length.group(1));
  }

  /** Whether the last read ended because the server closed the connection. */
  public boolean closedByServer() {
    return closedByServer;
  }

  /** Waits up to the socket timeout for the server to close; true when it did. */
  public boolean awaitClose(int millis) throws IOException {
    read(millis);
    return closedByServer;
  }

  private static List<Response> parse(byte[] bytes) {
    List<Response> responses = new ArrayList<>();
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = 0;
    while (at < text.length()) {
      int headEnd = text.indexOf("\r\n\r\n", at);
      if (headEnd < 0) {
        break;
      }
      String[] lines = text.substring(at, headEnd).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      List<String[]> headers = new ArrayList<>();
      int length = 0;
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        String name = lines[i].substring(0, colon).trim();
        String value = lines[i].substring(colon + 1).trim();
        headers.add(new String[] {name, value});
        if (name.toLowerCase(Locale.ROOT).equals("content-length")) {
          length = Integer.parseInt(value);
        }
      }
      int bodyStart = headEnd + 4;
      int bodyEnd = Math.min(text.length(), bodyStart + length);
      String body = new String(text.substring(bodyStart, bodyEnd).getBytes(StandardCharsets.ISO_8859_1),
          StandardCharsets.UTF_8);
      responses.add(new Response(status, headers, body));
      at = bodyEnd;
    }
    return responses;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
