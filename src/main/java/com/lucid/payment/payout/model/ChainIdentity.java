package com.lucid.payment.payout.model;

import com.lucid.payment.tron.chain.TronAddress;

/** The two addresses a payout may never be sent to: the hot wallet itself and the USDT contract. */
public record ChainIdentity(TronAddress hotWallet, TronAddress usdtContract) {}
