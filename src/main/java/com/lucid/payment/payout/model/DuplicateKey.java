package com.lucid.payment.payout.model;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;

/** Whether a store write failed because a unique key was taken: by the driver's error code (11000), not its text. */
public final class DuplicateKey {
  private DuplicateKey() {}

  /** A bulk write counts only when every one of its errors is a duplicate key. */
  public static boolean is(Throwable err) {
    if (err instanceof MongoBulkWriteException bulk) {
      return bulk.getWriteConcernError() == null && !bulk.getWriteErrors().isEmpty()
          && bulk.getWriteErrors().stream().allMatch(e -> e.getCategory() == ErrorCategory.DUPLICATE_KEY);
    }
    if (err instanceof MongoWriteException write) {
      return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
    return err instanceof MongoException mongo && ErrorCategory.fromErrorCode(mongo.getCode())
        == ErrorCategory.DUPLICATE_KEY;
  }
}
