package com.lucid.payment.tron;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.tron.chain.ChainDataException;
import com.lucid.payment.tron.node.NodeErrorException;
import com.lucid.payment.tron.node.NodeUnavailableException;
import io.vertx.core.json.DecodeException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the TRON client's failures reach bus callers: as {@link ApiFailure}s. Node trouble is 503 UNAVAILABLE (retry
 * later); a bad request 400; a transaction the client refuses to sign 500 TRANSACTION_REJECTED. Messages name no
 * node URL and no key.
 */
final class TronFailures {
  private static final Logger LOG = Logger.getLogger(TronFailures.class.getName());

  private TronFailures() {}

  /** The failure as bus callers get it, logged as much as it deserves. */
  static ApiFailure reported(String operation, Throwable error) {
    ApiFailure failure = toApiFailure(error);
    if (failure.code() == ErrorCode.INTERNAL) {
      LOG.log(Level.SEVERE, "TRON client " + operation + " failed unexpectedly", error);
    } else if (failure.code() == ErrorCode.INTEGRITY_VIOLATION) {
      LOG.warning(() -> "TRON client " + operation + " refused: " + failure.getMessage());
    } else {
      LOG.fine(() -> "TRON client " + operation + ": " + failure.getMessage());
    }
    return failure;
  }

  static ApiFailure toApiFailure(Throwable error) {
    if (error instanceof ApiFailure f) {
      return f;
    }
    if (error instanceof NodeUnavailableException || error instanceof NodeErrorException) {
      return new ApiFailure(ErrorCode.UNAVAILABLE, error.getMessage());
    }
    if (error instanceof ChainDataException || error instanceof DecodeException
        || error instanceof ClassCastException) {
      return new ApiFailure(ErrorCode.UNAVAILABLE, "a TRON node answered malformed data: " + error.getMessage());
    }
    if (error instanceof IllegalArgumentException) {
      return new ApiFailure(ErrorCode.INVALID_REQUEST, error.getMessage());
    }
    return new ApiFailure(ErrorCode.INTERNAL, "internal error in the TRON client");
  }

  static ApiFailure unavailable(String message) {
    return new ApiFailure(ErrorCode.UNAVAILABLE, message);
  }

  static ApiFailure invalid(String message) {
    return new ApiFailure(ErrorCode.INVALID_REQUEST, message);
  }

  static ApiFailure refused(String message) {
    return new ApiFailure(ErrorCode.TRANSACTION_REJECTED, message);
  }
}
