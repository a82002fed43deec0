package com.lucid.payment.auth;

import com.lucid.payment.api.Role;

/** The authenticated caller of a request: the token's subject and its role. */
public record Caller(String userId, Role role) {}
