package com.lucid.payment.devnet;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.tron.trident.proto.Chain.Transaction;
import org.tron.trident.proto.Chain.Transaction.Contract.ContractType;

/**
 * A local TRON full node (HTTP API only) with an in-memory chain: the core the HTTP adapter
 * ({@link DevnetVerticle}) and in-process tests drive.
 */
public final class Devnet implements DevnetHandle {
  private final Vertx vertx;
  private final DevnetOptions options;
  private final Chain chain;
  private final FaultBook faults = new FaultBook();
  private final RequestLog requests = new RequestLog();
  private volatile String deploymentId;
  private volatile String baseUrl;
  private volatile String solidityUrl;

  private Devnet(Vertx vertx, DevnetOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.chain = new Chain(options, System.currentTimeMillis());
  }

  /** Starts a devnet on `vertx`: genesis with the funded accounts, blocks on a timer, HTTP API. */
  public static Future<DevnetHandle> start(Vertx vertx, DevnetOptions options) {
    Devnet devnet = new Devnet(vertx, options);
    DevnetVerticle verticle = new DevnetVerticle(devnet);
    return vertx.deployVerticle(verticle).map(id -> {
      devnet.deploymentId = id;
      String host = "0.0.0.0".equals(options.host()) ? "127.0.0.1" : options.host();
      devnet.baseUrl = "http://" + host + ":" + verticle.actualPort();
      devnet.solidityUrl = "http://" + host + ":" + verticle.actualSolidityPort();
      return devnet;
    });
  }

  DevnetOptions options() {
    return options;
  }

  Chain chain() {
    return chain;
  }

  FaultBook faultBook() {
    return faults;
  }

  RequestLog requestLog() {
    return requests;
  }

  Vertx vertx() {
    return vertx;
  }

  /** One block slot of the timer: a block, unless a PAUSE_BLOCKS fault skips it. */
  void onBlockSlot() {
    if (!faults.skipBlock()) {
      chain.produceBlock(System.currentTimeMillis());
    }
  }

  /**
   * An unsigned transaction built by the node: TaPoS from the solidified block, expiration
   * head time + the window, timestamp from the wall clock.
   */
  Transaction build(ContractType type, Message contract, long feeLimit, int permissionId,
      ByteString memo) {
    Block reference = chain.solidBlock();
    Transaction.raw.Builder raw = Transaction.raw.newBuilder()
        .setRefBlockBytes(ByteString.copyFrom(reference.taposKey()))
        .setRefBlockHash(ByteString.copyFrom(reference.tapos()))
        .setExpiration(chain.headBlock().timestamp() + options.txExpirationMs())
        .setData(memo)
        .addContract(Transaction.Contract.newBuilder().setType(type)
            .setParameter(Any.pack(contract)).setPermissionId(permissionId))
        .setTimestamp(System.currentTimeMillis())
        .setFeeLimit(feeLimit);
    return Transaction.newBuilder().setRawData(raw).build();
  }

  /**
   * Broadcasts a signed transaction through the node's checks, honouring broadcast faults on
   * `path`; signatures are recovered on a worker thread.
   */
  Future<BroadcastResult> broadcast(String path, Transaction tx) {
    byte[] id = Digests.sha256(tx.getRawData().toByteArray());
    String txid = Chain.hex(id);
    if (faults.take(path, FaultType.SERVER_BUSY) != null) {
      return Future.succeededFuture(BroadcastResult.busy(txid));
    }
    DevnetFault delay = faults.take(path, FaultType.DELAY_BROADCAST);
    Future<Void> ready = delay == null ? Future.succeededFuture() : vertx.timer(delay.delayMs());
    return ready.compose(v -> admit(path, tx, id, txid));
  }

  private Future<BroadcastResult> admit(String path, Transaction tx, byte[] id, String txid) {
    int contracts = tx.getRawData().getContractCount();
    if (contracts == 0) {
      return Future.succeededFuture(BroadcastResult.sigError(txid, "miss sig or contract"));
    }
    if (contracts > 1) {
      return Future.succeededFuture(BroadcastResult.other(txid,
          "act size should be exactly 1, this is extend feature"));
    }
    Action action;
    try {
      action = Action.of(tx.getRawData().getContract(0));
    } catch (Action.Refusal refusal) {
      return Future.succeededFuture(BroadcastResult.contractValidate(txid, refusal.getMessage()));
    }
    PendingTx pending = new PendingTx(txid, tx, action);
    return vertx.executeBlocking(() -> Signatures.recover(tx, id), false).map(recovered -> {
      boolean holdBack = faults.take(path, FaultType.NEVER_INCLUDE) != null;
      boolean discard = faults.take(path, FaultType.DROP_BROADCAST) != null;
      return chain.submit(pending, recovered, holdBack, discard);
    });
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String solidityUrl() {
    return solidityUrl;
  }

  @Override
  public String usdtContract() {
    return UsdtToken.ADDRESS.base58();
  }

  @Override
  public Future<Void> close() {
    return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
  }

  @Override
  public void fund(String address, long trxSun, long usdtUnits) {
    if (trxSun < 0 || usdtUnits < 0) {
      throw new IllegalArgumentException("amounts must not be negative");
    }
    chain.fund(TronAddress.parseAny(address), trxSun, usdtUnits);
  }

  @Override
  public AccountBalance balance(String address) {
    return chain.balance(TronAddress.parseAny(address));
  }

  @Override
  public List<AccountBalance> balances() {
    return chain.balances();
  }

  @Override
  public List<UsdtTransfer> transfers() {
    return chain.journal();
  }

  @Override
  public long headBlockNumber() {
    return chain.headBlock().number();
  }

  @Override
  public long solidifiedBlockNumber() {
    return chain.solidBlock().number();
  }

  @Override
  public void produceBlocks(int count) {
    for (int i = 0; i < count; i++) {
      chain.produceBlock(System.currentTimeMillis());
    }
  }

  @Override
  public String injectFault(DevnetFault fault) {
    return faults.add(fault);
  }

  @Override
  public boolean clearFault(String id) {
    return faults.remove(id);
  }

  @Override
  public int clearFaults() {
    return faults.clear();
  }

  @Override
  public Map<String, DevnetFault> faults() {
    return faults.list();
  }

  @Override
  public List<SeenRequest> requests() {
    return requests.list();
  }
}
