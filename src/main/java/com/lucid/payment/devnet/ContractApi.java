package com.lucid.payment.devnet;

import com.google.protobuf.ByteString;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.tron.trident.proto.Chain.Transaction;
import org.tron.trident.proto.Chain.Transaction.Contract.ContractType;
import org.tron.trident.proto.Contract.FreezeBalanceV2Contract;
import org.tron.trident.proto.Contract.TriggerSmartContract;

/** triggersmartcontract, triggerconstantcontract, estimateenergy, freezebalancev2. */
final class ContractApi {

  /** java-tron's answer when vm.estimateEnergy is false, its default. */
  static final String ESTIMATE_OFF = "this node does not support estimate energy";
  /** What java-tron's VM throws when a call exceeds getMaxCpuTimeOfOneTx. */
  static final String OUT_OF_TIME = "class org.tron.core.vm.program.Program$OutOfTimeException : "
      + "CPU timeout for 'PUSH1' operation executing";

  private final Devnet devnet;

  ContractApi(Devnet devnet) {
    this.devnet = devnet;
  }

  void mount(Routes.Apis apis) {
    Routes.wallet(apis, "triggersmartcontract", (ctx, solidity) -> answering(ctx, this::trigger));
    Routes.withSolidityTwin(apis, "triggerconstantcontract",
        (ctx, solidity) -> answering(ctx, request -> triggerConstant(ctx, request, solidity)));
    Routes.withSolidityTwin(apis, "estimateenergy",
        (ctx, solidity) -> answering(ctx, request -> estimateEnergy(ctx, request, solidity)));
    Routes.wallet(apis, "freezebalancev2", (ctx, solidity) -> freeze(ctx));
  }

  /**
   * java-tron's contract servlets answer every failure inside "result": a validation failure as
   * CONTRACT_VALIDATE_ERROR, anything else (a bad address, unreadable JSON) as OTHER_ERROR with the
   * exception's class and message, its double quotes turned into single ones.
   */
  private static JsonObject answering(RoutingContext ctx, Function<NodeRequest, JsonObject> call) {
    NodeRequest request;
    try {
      request = NodeRequest.of(ctx);
    } catch (InvalidInput e) {
      return failure("OTHER_ERROR", e.errorText().replace('"', '\''), false);
    }
    try {
      return call.apply(request);
    } catch (InvalidInput e) {
      return failure("OTHER_ERROR", e.errorText().replace('"', '\''), request.visible());
    }
  }

  /** A node-built, unsigned call; read-only functions run as constant calls, as java-tron does. */
  private JsonObject trigger(NodeRequest request) {
    CallRequest call = CallRequest.of(request);
    if (!UsdtToken.ADDRESS.equals(call.contract)) {
      return failure("CONTRACT_VALIDATE_ERROR", "No contract or not a valid smart contract",
          request.visible());
    }
    Transaction tx = call.build(devnet, request);
    if (UsdtToken.isView(call.data)) {
      return constant(call, tx, false, request.visible());
    }
    return new JsonObject().put("result", new JsonObject().put("result", true))
        .put("transaction", TransactionJson.render(tx, request.visible()));
  }

  private JsonObject triggerConstant(RoutingContext ctx, NodeRequest request, boolean solidity) {
    CallRequest call = CallRequest.of(request);
    if (!UsdtToken.ADDRESS.equals(call.contract)) {
      return failure("CONTRACT_VALIDATE_ERROR", "Smart contract is not exist.", request.visible());
    }
    if (outOfTime(ctx)) {
      return failure("OTHER_ERROR", OUT_OF_TIME, request.visible());
    }
    return constant(call, call.build(devnet, request), solidity, request.visible());
  }

  /** A CPU_TIMEOUT fault: the call ran out of the node's CPU time (getMaxCpuTimeOfOneTx). */
  private boolean outOfTime(RoutingContext ctx) {
    return devnet.faultBook().take(ctx.request().path(), FaultType.CPU_TIMEOUT) != null;
  }

  private JsonObject constant(CallRequest call, Transaction tx, boolean solidity,
      boolean visible) {
    UsdtToken.CallResult result = call.run(devnet.chain(), solidity);
    JsonObject ret = new JsonObject().put("result", true);
    if (result.reverted()) {
      ret.put("message", ChainJson.text(Executor.REVERT_MESSAGE, visible));
    }
    JsonObject json = new JsonObject().put("result", ret).put("energy_used", result.energy())
        .put("constant_result", new JsonArray().add(HexFormat.of().formatHex(result.returnData())));
    if (result.movement() != null) {
      json.put("logs", ChainJson.logs(List.of(result.movement().log())));
    }
    Transaction.Result.code code =
        result.reverted() ? Transaction.Result.code.FAILED : Transaction.Result.code.SUCESS;
    Transaction withRet = tx.toBuilder().addRet(Transaction.Result.newBuilder().setRet(code))
        .build();
    return json.put("transaction", TransactionJson.render(withRet, visible));
  }

  /** A revert answers CONTRACT_EXE_ERROR without result.result, as java-tron 4.8 does. */
  private JsonObject estimateEnergy(RoutingContext ctx, NodeRequest request, boolean solidity) {
    CallRequest call = CallRequest.of(request);
    if (!devnet.options().estimateEnergy()) {
      return failure("CONTRACT_VALIDATE_ERROR", ESTIMATE_OFF, request.visible());
    }
    if (!UsdtToken.ADDRESS.equals(call.contract)) {
      return failure("CONTRACT_VALIDATE_ERROR", "Smart contract is not exist.", request.visible());
    }
    if (outOfTime(ctx)) {
      return failure("OTHER_ERROR", OUT_OF_TIME, request.visible());
    }
    UsdtToken.CallResult result = call.run(devnet.chain(), solidity);
    if (result.reverted()) {
      return failure("CONTRACT_EXE_ERROR", Executor.REVERT_MESSAGE, request.visible());
    }
    DevnetOptions options = devnet.options();
    return new JsonObject().put("result", new JsonObject().put("result", true)).put(
        "energy_required", estimate(result.energy(), options.energyFeeSun(),
            options.maxFeeLimitSun()));
  }

  /**
   * java-tron's estimate: a binary search over fee limits down to 1 TRX precision, so the answer
   * is a little above the energy actually used.
   */
  static long estimate(long energyUsed, long energyFee, long maxFeeLimit) {
    long high = maxFeeLimit;
    long low = Math.multiplyExact(energyFee, energyUsed);
    long twice = Math.multiplyExact(low, 2);
    if (twice < high) {
      if (twice / energyFee >= energyUsed) {
        high = twice;
      } else {
        low = twice;
      }
    }
    while (low + Resources.SUN_PER_TRX < high) {
      long mid = (low + high) / 2;
      if (mid / energyFee >= energyUsed) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return (high + energyFee - 1) / energyFee;
  }

  private JsonObject freeze(RoutingContext ctx) {
    NodeRequest request = NodeRequest.of(ctx);
    TronAddress owner = request.address("owner_address");
    if (owner == null) {
      throw InvalidInput.contractValidate("Invalid address");
    }
    Fields fields = request.fields();
    FreezeBalanceV2Contract contract = FreezeBalanceV2Contract.newBuilder()
        .setOwnerAddress(owner.byteString())
        .setFrozenBalance(fields.int64("frozen_balance"))
        .setResourceValue(fields.resource("resource")).build();
    Action.Stake stake =
        new Action.Stake(owner, contract.getFrozenBalance(), contract.getResource());
    Account account = devnet.chain().read(false, ledger -> ledger.account(owner));
    String problem = Admission.stakeProblem(stake, account);
    if (problem != null) {
      throw InvalidInput.contractValidate(problem);
    }
    Transaction tx = devnet.build(ContractType.FreezeBalanceV2Contract, contract, 0,
        (int) fields.int64("Permission_id"), ByteString.EMPTY);
    return TransactionJson.render(tx, request.visible());
  }

  private static JsonObject failure(String code, String message, boolean visible) {
    return new JsonObject().put("result", new JsonObject().put("code", code)
        .put("message", ChainJson.text(message, visible)));
  }

  /** The fields of a contract-call request, shared by the three call endpoints. */
  private static final class CallRequest {
    final TronAddress owner;
    final TronAddress contract;
    final byte[] data;
    final long callValue;

    private CallRequest(TronAddress owner, TronAddress contract, byte[] data, long callValue) {
      this.owner = owner;
      this.contract = contract;
      this.data = data;
      this.callValue = callValue;
    }

    /** function_selector + parameter, or data (the whole call data). */
    static CallRequest of(NodeRequest request) {
      for (String required : List.of("owner_address", "contract_address")) {
        String value = request.string(required);
        if (value == null || value.isEmpty()) {
          throw new InvalidInput("class java.security.InvalidParameterException : " + required
              + " isn't set.");
        }
      }
      Fields fields = request.fields();
      String selector = request.string("function_selector");
      byte[] data;
      if (selector != null && !selector.isBlank()) {
        byte[] parameter = request.hex("parameter").toByteArray();
        byte[] prefix = Digests.selector(selector.replace(" ", ""));
        data = new byte[4 + parameter.length];
        System.arraycopy(prefix, 0, data, 0, 4);
        System.arraycopy(parameter, 0, data, 4, parameter.length);
      } else {
        data = request.hex("data").toByteArray();
      }
      return new CallRequest(request.address("owner_address"),
          request.address("contract_address"), data, fields.int64("call_value"));
    }

    UsdtToken.CallResult run(Chain chain, boolean solidity) {
      return chain.read(solidity, ledger -> UsdtToken.call(owner, callValue, data, ledger));
    }

    Transaction build(Devnet devnet, NodeRequest request) {
      Fields fields = request.fields();
      TriggerSmartContract.Builder call = TriggerSmartContract.newBuilder()
          .setOwnerAddress(owner.byteString())
          .setContractAddress(contract.byteString())
          .setCallValue(callValue)
          .setData(ByteString.copyFrom(data))
          .setCallTokenValue(fields.int64("call_token_value"))
          .setTokenId(fields.int64("token_id"));
      String extra = request.string("extra_data");
      ByteString memo = extra == null ? ByteString.EMPTY : request.visible()
          ? ByteString.copyFrom(extra, StandardCharsets.UTF_8) : Fields.hex(extra);
      return devnet.build(ContractType.TriggerSmartContract, call.build(),
          fields.int64("fee_limit"), (int) fields.int64("Permission_id"), memo);
    }
  }
}
