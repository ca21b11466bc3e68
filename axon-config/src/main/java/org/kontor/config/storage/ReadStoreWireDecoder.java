package org.kontor.config.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded read store's decoder of requests: {@code OP_MSG}, which the driver sends for every
 * command, is decoded here with {@link BsonArrayDecoder}; anything else (the driver's first
 * handshake, legacy op codes) by the library's {@link MongoWireProtocolHandler}, unchanged. The
 * message this builds is the one the library builds from the same bytes: the body document with
 * each document sequence ({@code documents} of an insert, {@code updates} of an update) added under
 * its identifier.
 *
 * <p>A message is copied out of Netty's buffer into one array per connection, kept for the next
 * message (up to {@value #KEPT_BUFFER_BYTES} bytes), and decoded from there.
 */
final class ReadStoreWireDecoder extends MongoWireProtocolHandler {

    static final int OP_MSG = 2013;
    private static final int HEADER_BYTES = 16;
    private static final int FLAG_CHECKSUM_PRESENT = 1;
    private static final int FLAG_MORE_TO_COME = 1 << 1;
    private static final int FLAG_EXHAUST_ALLOWED = 1 << 16;
    private static final int KNOWN_FLAGS = FLAG_CHECKSUM_PRESENT | FLAG_MORE_TO_COME | FLAG_EXHAUST_ALLOWED;
    private static final byte KIND_BODY = 0;
    private static final byte KIND_DOCUMENT_SEQUENCE = 1;
    /** A bulk write of 1,000 projection updates is a few hundred KiB; larger messages get their own array. */
    private static final int KEPT_BUFFER_BYTES = 4 * 1024 * 1024;

    private final BsonArrayDecoder decoder = new BsonArrayDecoder();
    private byte[] kept = new byte[64 * 1024];

    @Override
    protected ClientRequest decode(ChannelHandlerContext context, ByteBuf in) throws Exception {
        if (in.readableBytes() < HEADER_BYTES || in.getIntLE(in.readerIndex() + 12) != OP_MSG) {
            return super.decode(context, in);
        }
        int totalLength = in.getIntLE(in.readerIndex());
        if (totalLength > MAX_MESSAGE_SIZE_BYTES) {
            throw new IOException("message too large: " + totalLength + " bytes");
        }
        if (totalLength < HEADER_BYTES + 5) {
            throw new IOException("message too short: " + totalLength + " bytes");
        }
        if (in.readableBytes() < totalLength) {
            return null; // the rest is still on its way
        }
        byte[] message = bufferFor(totalLength);
        in.readBytes(message, 0, totalLength);
        return new MongoMessage(context.channel(), header(message), body(message, totalLength));
    }

    private MessageHeader header(byte[] message) {
        decoder.reset(message, 0);
        int totalLength = decoder.readInt();
        int requestId = decoder.readInt();
        int responseTo = decoder.readInt();
        return new MessageHeader(totalLength, requestId, responseTo);
    }

    private Document body(byte[] message, int totalLength) {
        decoder.reset(message, HEADER_BYTES);
        int flags = decoder.readInt();
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw new UnsupportedOperationException("flags=" + (flags & ~KNOWN_FLAGS) + " not yet supported");
        }
        int end = (flags & FLAG_CHECKSUM_PRESENT) != 0 ? totalLength - 4 : totalLength;
        Document body = null;
        Map<String, List<Document>> sequences = new LinkedHashMap<>();
        while (decoder.position() < end) {
            byte kind = decoder.readByte();
            if (kind == KIND_BODY) {
                if (body != null) {
                    throw new IllegalArgumentException("a message with two bodies");
                }
                body = decoder.readDocument(end);
            } else if (kind == KIND_DOCUMENT_SEQUENCE) {
                readSequence(end, sequences);
            } else {
                throw new IllegalArgumentException("Unexpected section kind: " + kind);
            }
        }
        // A checksum, if present, is not checked: the bytes never left this process.
        if (body == null) {
            throw new IllegalArgumentException("a message without a body");
        }
        for (Map.Entry<String, List<Document>> sequence : sequences.entrySet()) {
            if (body.put(sequence.getKey(), sequence.getValue()) != null) {
                throw new IllegalArgumentException("the body holds " + sequence.getKey() + " already");
            }
        }
        return body;
    }

    private void readSequence(int end, Map<String, List<Document>> sequences) {
        int start = decoder.position();
        int size = decoder.readInt();
        int sequenceEnd = start + size;
        if (size < 5 || sequenceEnd > end) {
            throw new IllegalArgumentException("a document sequence of " + size + " bytes, with "
                    + (end - start) + " left");
        }
        String identifier = decoder.readName(sequenceEnd);
        List<Document> documents = new ArrayList<>();
        while (decoder.position() < sequenceEnd) {
            documents.add(decoder.readDocument(sequenceEnd));
        }
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("an empty document sequence " + identifier);
        }
        if (sequences.put(identifier, documents) != null) {
            throw new IllegalArgumentException("two document sequences " + identifier);
        }
    }

    private byte[] bufferFor(int length) {
        if (length <= kept.length) {
            return kept;
        }
        byte[] buffer = new byte[length];
        if (length <= KEPT_BUFFER_BYTES) {
            kept = buffer;
        }
        return buffer;
    }
}
