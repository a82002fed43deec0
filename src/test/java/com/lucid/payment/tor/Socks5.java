package com.lucid.payment.tor;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A SOCKS5 CONNECT by host name (tor resolves it, .onion included), with tor's reply code kept when it refuses. */
final class Socks5 {
  /** tor's extended codes (SocksPort ExtendedErrors) for onion services, and the RFC 1928 ones. */
  static final int MISSING_CLIENT_AUTH = 0xF4;
  static final int BAD_CLIENT_AUTH = 0xF5;
  private static final Map<Integer, String> REPLIES = Map.ofEntries(Map.entry(1, "general failure"),
      Map.entry(2, "not allowed by ruleset"), Map.entry(3, "network unreachable"), Map.entry(4, "host unreachable"),
      Map.entry(5, "connection refused"), Map.entry(6, "TTL expired"), Map.entry(0xF0, "onion descriptor not found"),
      Map.entry(0xF1, "onion descriptor invalid"), Map.entry(0xF2, "onion introduction failed"),
      Map.entry(0xF3, "onion rendezvous failed"), Map.entry(MISSING_CLIENT_AUTH, "missing client authorization"),
      Map.entry(BAD_CLIENT_AUTH, "invalid client authorization"), Map.entry(0xF6, "invalid onion address"),
      Map.entry(0xF7, "onion introduction timed out"));

  private Socks5() {}

  /** The proxy's refusal of one CONNECT. */
  static final class Refused extends IOException {
    private final int code;

    Refused(int code) {
      super(String.format("SOCKS5 reply 0x%02X (%s)", code, REPLIES.getOrDefault(code, "unknown")));
      this.code = code;
    }

    int code() {
      return code;
    }
  }

  /** A socket to host:port through the SOCKS5 proxy on 127.0.0.1:socksPort, or Refused with the proxy's code. */
  static Socket connect(int socksPort, String host, int port, Duration timeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", socksPort), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      out.write(new byte[] {5, 1, 0});
      if (in.readUnsignedByte() != 5 || in.readUnsignedByte() != 0) {
        throw new IOException("the SOCKS5 proxy wants authentication");
      }
      byte[] name = host.getBytes(StandardCharsets.US_ASCII);
      byte[] request = new byte[7 + name.length];
      request[0] = 5;
      request[1] = 1;
      request[3] = 3;
      request[4] = (byte) name.length;
      System.arraycopy(name, 0, request, 5, name.length);
      request[5 + name.length] = (byte) (port >> 8);
      request[6 + name.length] = (byte) port;
      out.write(request);
      in.readUnsignedByte();
      int reply = in.readUnsignedByte();
      in.readUnsignedByte();
      int type = in.readUnsignedByte();
      int addressLength = type == 1 ? 4 : type == 4 ? 16 : in.readUnsignedByte();
      in.readFully(new byte[addressLength + 2]);
      if (reply != 0) {
        throw new Refused(reply);
      }
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }
}
