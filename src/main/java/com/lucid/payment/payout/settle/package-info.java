/**
 * The worker ({@link PayoutWorker}): claims due payouts under a lease, checks their seals, then holds them
 * ({@link Holding}), signs, persists and broadcasts ({@link Signing}), or judges the live attempt on the solidified
 * chain ({@link Watching}); the engine's switches as it reads them ({@link EngineSwitches}, {@link PauseSwitch}), the
 * wallet's funds ({@link WalletFunds}) and what the signer's journal is told ({@link SignerDecisions}).
 *
 * <p>The only room that asks the TRON client to sign, broadcast or judge. Never: accepts a payout, writes a money
 * field (recipient, amount, user, router), broadcasts bytes it has not stored first, or signs a new attempt before the
 * TRON client has proven the previous one dead.
 */
package com.lucid.payment.payout.settle;
