package com.lucid.payment.devnet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;

/** getnowblock, getblock, getblockbynum, getblockbyid, getblockbylimitnext, getchainparameters. */
final class BlockApi {
  /** java-tron's BLOCK_LIMIT_NUM. */
  private static final long MAX_BLOCK_RANGE = 100;
  private final Devnet devnet;

  BlockApi(Devnet devnet) {
    this.devnet = devnet;
  }

  void mount(Routes.Apis apis) {
    Routes.withSolidityTwin(apis, "getnowblock", this::nowBlock);
    Routes.withSolidityTwin(apis, "getblock", this::block);
    Routes.withSolidityTwin(apis, "getblockbynum", this::blockByNum);
    Routes.withSolidityTwin(apis, "getblockbyid", this::blockById);
    Routes.withSolidityTwin(apis, "getblockbylimitnext", this::blockRange);
    Routes.wallet(apis, "getchainparameters",
        (ctx, solidity) -> ChainParameters.json(devnet.options()));
  }

  private JsonObject nowBlock(RoutingContext ctx, boolean solidity) {
    NodeRequest request = NodeRequest.queryOnly(ctx);
    Chain chain = devnet.chain();
    return ChainJson.block(solidity ? chain.solidBlock() : chain.headBlock(), request.visible(),
        true);
  }

  /** {"id_or_num": number or 64-hex id (default: latest), "detail": include transactions}. */
  private JsonObject block(RoutingContext ctx, boolean solidity) {
    NodeRequest request = NodeRequest.of(ctx);
    Chain chain = devnet.chain();
    String idOrNum = request.string("id_or_num");
    Block block;
    if (idOrNum == null || idOrNum.isEmpty()) {
      block = solidity ? chain.solidBlock() : chain.headBlock();
    } else if (idOrNum.matches("\\d{1,18}")) {
      block = chain.block(Long.parseLong(idOrNum), solidity);
    } else if (idOrNum.matches("[0-9a-fA-F]{64}")) {
      block = chain.blockById(HexFormat.of().parseHex(idOrNum), solidity);
    } else {
      throw new InvalidInput("class java.lang.IllegalArgumentException : id_or_num must be "
          + "a block number or a block id");
    }
    return block == null ? new JsonObject()
        : ChainJson.block(block, request.visible(), request.flag("detail"));
  }

  private JsonObject blockByNum(RoutingContext ctx, boolean solidity) {
    NodeRequest request = NodeRequest.of(ctx);
    Block block = devnet.chain().block(request.fields().int64("num"), solidity);
    return block == null ? new JsonObject() : ChainJson.block(block, request.visible(), true);
  }

  /**
   * java-tron's getblockbylimitnext: blocks startNum (inclusive) to endNum (exclusive), at most 100, those the node
   * has; {} when the range is empty or too long.
   */
  private JsonObject blockRange(RoutingContext ctx, boolean solidity) {
    NodeRequest request = NodeRequest.of(ctx);
    long start = request.fields().int64("startNum");
    long end = request.fields().int64("endNum");
    JsonArray blocks = new JsonArray();
    if (end > 0 && end > start && end - start <= MAX_BLOCK_RANGE) {
      for (long n = Math.max(0, start); n < end; n++) {
        Block block = devnet.chain().block(n, solidity);
        if (block == null) {
          break;
        }
        blocks.add(ChainJson.block(block, request.visible(), true));
      }
    }
    return blocks.isEmpty() ? new JsonObject() : new JsonObject().put("block", blocks);
  }

  private JsonObject blockById(RoutingContext ctx, boolean solidity) {
    NodeRequest request = NodeRequest.of(ctx);
    byte[] id = request.fields().bytes("value").toByteArray();
    Block block = devnet.chain().blockById(id, solidity);
    return block == null ? new JsonObject() : ChainJson.block(block, request.visible(), true);
  }
}
