package org.kontor.config.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;

/**
 * The embedded read store's encoder of {@code OP_MSG} answers: the library's
 * ({@link MongoWireMessageEncoder}) for every answer, except a cursor whose first batch is
 * {@link StoredDocuments}, which is written here with the documents' stored bytes copied as they
 * are. No document tree is needed for that: before, the backend decoded each stored document into
 * one for the library's encoder to encode again, and for the documents a projection's batch reads
 * back by id that was most of a find's cost in the read store.
 */
final class ReadStoreWireEncoder extends MongoWireMessageEncoder {

    private static final byte TYPE_DOUBLE = 0x01;
    private static final byte TYPE_STRING = 0x02;
    private static final byte TYPE_DOCUMENT = 0x03;
    private static final byte TYPE_ARRAY = 0x04;
    private static final byte TYPE_INT64 = 0x12;

    @Override
    protected void encode(ChannelHandlerContext context, MongoMessage message, ByteBuf out) {
        Document answer = message.getDocument();
        StoredDocuments stored = storedFirstBatch(answer);
        if (stored == null) {
            super.encode(context, message, out);
            return;
        }
        int start = out.writerIndex();
        out.writeIntLE(0); // the message's length, set at the end
        out.writeIntLE(message.getHeader().getRequestID());
        out.writeIntLE(message.getHeader().getResponseTo());
        out.writeIntLE(OpCode.OP_MSG.getId());
        out.writeIntLE(message.getFlags());
        out.writeByte(MongoMessage.SECTION_KIND_BODY);
        writeCursorAnswer((Document) answer.get("cursor"), stored, out);
        out.setIntLE(start, out.writerIndex() - start);
    }

    /**
     * What the library writes for a find's answer, {@code {cursor: {id, ns, firstBatch}, ok: 1.0}},
     * with the first batch's documents copied from their stored bytes.
     */
    private static void writeCursorAnswer(Document cursor, StoredDocuments stored, ByteBuf out) {
        int answer = startDocument(out);
        name(out, TYPE_DOCUMENT, "cursor");
        int cursorStart = startDocument(out);
        name(out, TYPE_INT64, "id");
        out.writeLongLE(((Number) cursor.get("id")).longValue());
        name(out, TYPE_STRING, "ns");
        byte[] namespace = ((String) cursor.get("ns")).getBytes(StandardCharsets.UTF_8);
        out.writeIntLE(namespace.length + 1).writeBytes(namespace).writeByte(0);
        name(out, TYPE_ARRAY, "firstBatch");
        int batch = startDocument(out);
        int index = 0;
        for (byte[] document : stored.documents()) {
            name(out, TYPE_DOCUMENT, Integer.toString(index++));
            out.writeBytes(document);
        }
        endDocument(out, batch);
        endDocument(out, cursorStart);
        name(out, TYPE_DOUBLE, "ok");
        out.writeDoubleLE(1.0);
        endDocument(out, answer);
    }

    /** The stored documents of a find's first batch, or null for any other answer. */
    private static StoredDocuments storedFirstBatch(Document answer) {
        return answer.size() == 2 && answer.get("cursor") instanceof Document cursor
                && cursor.get("firstBatch") instanceof StoredDocuments stored ? stored : null;
    }

    private static int startDocument(ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        return start;
    }

    private static void endDocument(ByteBuf out, int start) {
        out.writeByte(0);
        out.setIntLE(start, out.writerIndex() - start);
    }

    private static void name(ByteBuf out, byte type, String name) {
        out.writeByte(type);
        out.writeCharSequence(name, StandardCharsets.UTF_8);
        out.writeByte(0);
    }
}
