package com.lucid.payment.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes documents: as BSON (what the wire carries anyway) under a tag of its own, instead of
 * H2's default Java serialization, which built an ObjectOutputStream for every document of every page written and
 * was the largest cost of each commit and of the garbage collector. Values written the old way still read (the tag
 * says which), so existing files open; files written since cannot be read by a version without this type.
 */
final class BsonDocuments extends ObjectDataType {
  static final BsonDocuments TYPE = new BsonDocuments();
  /** A tag H2 2.3's ObjectDataType never writes (it uses 0-14, 19, 32-49 and 64-119). */
  private static final byte TAG = 120;

  private BsonDocuments() {}

  @Override
  public void write(WriteBuffer buff, Object obj) {
    if (obj instanceof Document document) {
      ByteBuf bson = Unpooled.buffer(256);
      try {
        BsonEncoder.encodeDocument(document, bson);
        buff.put(TAG).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        return;
      } catch (RuntimeException notBson) {
        // a value BSON cannot carry: keep H2's own format for this document
      } finally {
        bson.release();
      }
    }
    super.write(buff, obj);
  }

  @Override
  public Object read(ByteBuffer buff) {
    if (buff.get(buff.position()) != TAG) {
      return super.read(buff);
    }
    buff.get();
    int length = Integer.reverseBytes(buff.getInt(buff.position())); // BSON starts with its little-endian length
    byte[] bytes = new byte[length];
    buff.get(bytes);
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
  }

  /** A cheap estimate of the heap a document takes (the cache's measure), without encoding it. */
  @Override
  public int getMemory(Object obj) {
    return obj instanceof Document ? estimate(obj, 0) : super.getMemory(obj);
  }

  private static int estimate(Object value, int depth) {
    if (value instanceof Map<?, ?> map && depth < 8) {
      int size = 64;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        size += 48 + estimate(e.getKey(), depth + 1) + estimate(e.getValue(), depth + 1);
      }
      return size;
    }
    if (value instanceof Collection<?> list && depth < 8) {
      int size = 40;
      for (Object item : list) {
        size += 8 + estimate(item, depth + 1);
      }
      return size;
    }
    if (value instanceof String s) {
      return 40 + s.length();
    }
    if (value instanceof byte[] b) {
      return 16 + b.length;
    }
    return 24;
  }
}
