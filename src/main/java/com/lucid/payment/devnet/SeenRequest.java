package com.lucid.payment.devnet;

/** One HTTP request the devnet received: who connected (the TCP peer's address and port) and the path asked for. */
public record SeenRequest(String remoteHost, int remotePort, String path) {}
