package com.lucid.payment.tron.api;

import com.lucid.payment.tron.chain.TronAddress;

/**
 * The hot wallet's funds and resources at the head block.
 *
 * @param trxSun TRX balance in sun
 * @param usdtUnits USDT balance in base units
 * @param energyFeeSun the chain's current price of one energy unit
 */
public record WalletStatus(
    TronAddress address,
    long trxSun,
    long usdtUnits,
    long energyAvailable,
    long energyLimit,
    long bandwidthAvailable,
    long bandwidthLimit,
    long energyFeeSun,
    long headBlock,
    long solidBlock) {}
