package com.lucid.payment.devnet;

/** One HTTP request the devnet received: who connected (the TCP peer) and the path asked for. */
public record SeenRequest(String remoteHost, String path) {}
