package org.ushs.gateway.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedFrames}: one framed buffer per message, shared by duplicates, released once left.
 */
class SharedFramesTest {

  private final PooledByteBufAllocator alloc = new PooledByteBufAllocator(true);

  @Test
  void theSameMessageIsFramedOnceAndSharedByEverySocket() {
    SharedFrames frames = new SharedFrames();
    Buffer event = Buffer.buffer("{\"id\":\"1\"}");
    ByteBuf first = frames.frameOf(event, alloc);
    ByteBuf second = frames.frameOf(event, alloc);

    assertSame(first.unwrap(), second.unwrap(), "one framed buffer");
    assertEquals(2 + event.length(), first.readableBytes());
    first.readByte();
    assertEquals(2 + event.length(), second.readableBytes(), "each socket reads on its own");
    ByteBuf shared = first.unwrap();
    assertEquals(3, shared.refCnt(), "the cache's reference and one per socket");

    first.release();
    second.release();
    ByteBuf next = frames.frameOf(Buffer.buffer("{}"), alloc);
    assertEquals(0, shared.refCnt(), "freed once every socket wrote it and another came");
    assertNotSame(shared, next.unwrap());
    next.release();
  }

  @Test
  void anEqualButDistinctMessageIsFramedAgain() {
    SharedFrames frames = new SharedFrames();
    ByteBuf first = frames.frameOf(Buffer.buffer("{}"), alloc);
    ByteBuf second = frames.frameOf(Buffer.buffer("{}"), alloc);
    assertNotSame(first.unwrap(), second.unwrap());
    assertEquals(0, first.unwrap().refCnt() - 1, "the cache let go of the first");
    first.release();
    second.release();
  }
}
