/**
 * The payout engine of the wallet plane: {@link PayoutManagerVerticle} serves the engine's bus addresses and runs the
 * worker rounds and the sweep; {@link PayoutEngine} builds the rooms once. Each room says in its package-info what it
 * owns and what it must never touch: model (the typed payout and its store), limits, audit, settle (the worker),
 * accept, batch, distribution, ops. docs/ARCHITECTURE.md draws them.
 *
 * <p>Never here: business rules; this package only wires the rooms together and adapts them to the bus.
 */
package com.lucid.payment.payout;
