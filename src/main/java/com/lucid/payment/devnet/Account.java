package com.lucid.payment.devnet;

/**
 * The TRX side of an account (USDT lives in the token's ledger): balance in sun, Stake 2.0
 * amounts in sun, and the resources used so far.
 */
record Account(
    TronAddress address,
    long balance,
    long createTime,
    long frozenForEnergy,
    long frozenForBandwidth,
    Usage energy,
    Usage net,
    Usage freeNet) {

  static Account create(TronAddress address, long time) {
    return new Account(address, 0, time, 0, 0, Usage.NONE, Usage.NONE, Usage.NONE);
  }

  Account withBalance(long value) {
    return new Account(address, value, createTime, frozenForEnergy, frozenForBandwidth, energy,
        net, freeNet);
  }

  Account credit(long sun) {
    return withBalance(Math.addExact(balance, sun));
  }

  Account debit(long sun) {
    return withBalance(Math.subtractExact(balance, sun));
  }

  Account withFrozen(long forEnergy, long forBandwidth) {
    return new Account(address, balance, createTime, forEnergy, forBandwidth, energy, net,
        freeNet);
  }

  Account withEnergy(Usage value) {
    return new Account(address, balance, createTime, frozenForEnergy, frozenForBandwidth, value,
        net, freeNet);
  }

  Account withNet(Usage value) {
    return new Account(address, balance, createTime, frozenForEnergy, frozenForBandwidth, energy,
        value, freeNet);
  }

  Account withFreeNet(Usage value) {
    return new Account(address, balance, createTime, frozenForEnergy, frozenForBandwidth, energy,
        net, value);
  }
}
