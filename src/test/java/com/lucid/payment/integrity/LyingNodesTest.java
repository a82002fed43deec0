package com.lucid.payment.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.devnet.DevnetFault;
import com.lucid.payment.devnet.FaultType;
import com.lucid.payment.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes that lie while payouts are in flight: each lie lasts until every attempt is well past its expiration (3 s)
 * on the chain, where a judge that believed one answer would sign a second transfer that lands beside the first.
 * Then the nodes tell the truth again, and every payout is confirmed, paid exactly once.
 */
@Timeout(180)
class LyingNodesTest {
  /** Expiration (3 s), the clock skew, solidification (19 blocks of 50 ms) and a margin. */
  private static final Duration PAST_EXPIRY = Duration.ofMillis(3_000 + 250 + 950 + 2_500);

  @TempDir Path dir;
  private ChainUnderTest chain;

  @AfterEach
  void stop() throws Exception {
    if (chain != null) {
      chain.close();
    }
  }

  private Map<String, String> payWhileLying(LyingNode liar, LyingNode.Lie lie, int count) throws Exception {
    liar.lie(lie);
    Map<String, String> payouts = chain.pay(count, "lie-");
    long until = System.currentTimeMillis() + PAST_EXPIRY.toMillis();
    Await.until("the chain to pass every attempt's expiration", Duration.ofSeconds(30),
        () -> System.currentTimeMillis() > until);
    chain.assertPaidAtMostOnce(payouts);
    assertTrue(liar.liesTold() > 0, "the node lied");
    liar.honest();
    return payouts;
  }

  @Test
  void aSolidifiedHeadDatedAnHourAheadIsNotBelieved() throws Exception {
    chain = ChainUnderTest.start(dir, 1);
    Map<String, String> payouts = payWhileLying(chain.node(0), Lies.futureSolidTimestamp(3_600_000), 4);
    chain.assertEachConfirmedAndPaidOnce(payouts);
    assertTrue(chain.disbelieved() > 0, "the forged head was counted against its node");
  }

  @Test
  void aSolidifiedHeadDatedAheadUnderARecomputedIdIsNotBelieved() throws Exception {
    chain = ChainUnderTest.start(dir, 1);
    Map<String, String> payouts = payWhileLying(chain.node(0), Lies.futureSolidTimestampRehashed(3_600_000), 4);
    chain.assertEachConfirmedAndPaidOnce(payouts);
    assertTrue(chain.disbelieved() > 0, "the dated-ahead head was counted against its node");
  }

  @Test
  void aNodeWhoseByIdIndexAnswersNothingEveryOtherTimeNeverCausesASecondTransfer() throws Exception {
    chain = ChainUnderTest.start(dir, 1);
    Map<String, String> payouts = payWhileLying(chain.node(0), Lies.byIdIndexEveryOtherTime(), 4);
    chain.assertEachConfirmedAndPaidOnce(payouts);
  }

  @Test
  void aNodeWithoutItsByIdIndexNeverCausesASecondTransfer() throws Exception {
    chain = ChainUnderTest.start(dir, 1);
    Map<String, String> payouts = payWhileLying(chain.node(0), Lies.noByIdIndex(), 4);
    chain.assertEachConfirmedAndPaidOnce(payouts);
  }

  @Test
  void aBackendFortyBlocksBehindOnEverySecondAnswerNeverCausesASecondTransfer() throws Exception {
    chain = ChainUnderTest.start(dir, 1);
    Map<String, String> payouts = payWhileLying(chain.node(0), Lies.laggingBackend(40), 4);
    chain.assertEachConfirmedAndPaidOnce(payouts);
    assertTrue(chain.disbelieved() > 0, "the answers going back were counted against the node");
  }

  @Test
  void oneNodeOfTwoHidingTheTransactionsNeverCausesASecondTransfer() throws Exception {
    chain = ChainUnderTest.start(dir, 2);
    // the liar is asked first: the old judge read the solidified head of the first node that answered
    Map<String, String> payouts = payWhileLying(chain.node(0), Lies.hideTransactions(), 4);
    chain.assertEachConfirmedAndPaidOnce(payouts);
  }

  @Test
  void solidifiedBlockNumbersGoingBackwardsAreNotBelieved() throws Exception {
    chain = ChainUnderTest.start(dir, 1);
    Map<String, String> payouts = payWhileLying(chain.node(0), Lies.blocksGoingBackwards(5), 4);
    chain.assertEachConfirmedAndPaidOnce(payouts);
    assertTrue(chain.disbelieved() > 0, "the head going back was counted against its node");
  }

  @Test
  void aTransferThatReallyNeverLandedIsSignedAgainOnlyOnceEveryNodeShowsItDead() throws Exception {
    chain = ChainUnderTest.start(dir, 2);
    String holdBack = chain.devnet.injectFault(DevnetFault.of(FaultType.NEVER_INCLUDE));
    // the first node is down while the attempt expires: the second alone is not enough evidence to sign again
    Map<String, String> payouts = payWhileLying(chain.node(0), Lies.down(), 1);
    String id = payouts.values().iterator().next();
    assertTrue(chain.transfers().isEmpty(), "nothing is paid while one node cannot be asked");
    assertEquals(1, chain.stored(id).getInteger("attempt_count"), "no second attempt without every node's word");
    chain.devnet.clearFault(holdBack);
    chain.assertEachConfirmedAndPaidOnce(payouts);
    assertTrue(chain.payout(id).getString("txid") != null);
  }
}
