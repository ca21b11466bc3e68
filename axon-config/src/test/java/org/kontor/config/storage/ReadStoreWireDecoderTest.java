package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadStoreWireDecoder} turns the bytes of a request into the message mongo-java-server's own
 * {@link MongoWireProtocolHandler} makes of them, whether they come in one piece or several.
 */
class ReadStoreWireDecoderTest {

    private static final int OP_QUERY = 2004;

    @Test
    void bulkUpdate_theSameMessageAsTheLibraryMakes() {
        byte[] message = opMsg(0, body("update", "ledger_lines"), updates(3));

        MongoMessage decoded = (MongoMessage) decodeAll(new ReadStoreWireDecoder(), message).get(0);

        MongoMessage byTheLibrary = (MongoMessage) decodeAll(new MongoWireProtocolHandler(), message).get(0);
        assertThat(decoded.getDocument()).isEqualTo(byTheLibrary.getDocument());
        assertThat(decoded.getDocument().get("updates")).asList().hasSize(3);
        assertThat(decoded.getHeader().getRequestID()).isEqualTo(byTheLibrary.getHeader().getRequestID()).isEqualTo(77);
        assertThat(decoded.getHeader().getTotalLength()).isEqualTo(message.length);
        assertThat(decoded.getDatabaseName()).isEqualTo("kontor");
    }

    @Test
    void messageWithChecksum_decodedWithoutIt() {
        byte[] message = opMsg(1, body("insert", "notes"), updates(1));

        MongoMessage decoded = (MongoMessage) decodeAll(new ReadStoreWireDecoder(), message).get(0);

        MongoMessage byTheLibrary = (MongoMessage) decodeAll(new MongoWireProtocolHandler(), message).get(0);
        assertThat(decoded.getDocument()).isEqualTo(byTheLibrary.getDocument());
    }

    @Test
    void messagesArrivingInPiecesAndTogether_eachDecodedOnceWhole() {
        byte[] first = opMsg(0, body("update", "a"), updates(50));
        byte[] second = opMsg(0, body("find", "b"), null);
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        EmbeddedChannel channel = new EmbeddedChannel(new ReadStoreWireDecoder());

        channel.writeInbound(Unpooled.wrappedBuffer(both, 0, 10));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(both, 10, first.length + 5 - 10));
        MongoMessage update = channel.readInbound();
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(both, first.length + 5, second.length - 5));
        MongoMessage find = channel.readInbound();

        assertThat(update.getDocument().get("updates")).asList().hasSize(50);
        assertThat(find.getDocument()).isEqualTo(new Document("find", "b").append("$db", "kontor"));
        channel.finishAndReleaseAll();
    }

    @Test
    void handshakeOverOpQuery_leftToTheLibrary() {
        byte[] query = opQuery(new Document("isMaster", 1));

        MongoQuery decoded = (MongoQuery) decodeAll(new ReadStoreWireDecoder(), query).get(0);

        assertThat(decoded.getQuery()).isEqualTo(new Document("isMaster", 1));
        assertThat(decoded.getFullCollectionName()).isEqualTo("admin.$cmd");
    }

    @Test
    void unknownFlagOrSectionOrNoBody_refused() {
        assertRefused(opMsg(1 << 5, body("find", "a"), null), "flags=32");
        byte[] unknownSection = opMsg(0, body("find", "a"), null);
        unknownSection[20] = 7;
        assertRefused(unknownSection, "section kind");
        assertRefused(opMsg(0, null, updates(1)), "without a body");
    }

    private static void assertRefused(byte[] message, String why) {
        EmbeddedChannel channel = new EmbeddedChannel(new ReadStoreWireDecoder());
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(message)))
                .isInstanceOf(DecoderException.class)
                .hasMessageContaining(why);
        channel.finishAndReleaseAll();
    }

    private static List<Object> decodeAll(MongoWireProtocolHandler decoder, byte[] message) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.writeInbound(Unpooled.wrappedBuffer(message));
        List<Object> decoded = new ArrayList<>();
        for (Object read = channel.readInbound(); read != null; read = channel.readInbound()) {
            decoded.add(read);
        }
        channel.finishAndReleaseAll();
        assertThat(decoded).hasSize(1);
        return decoded;
    }

    private static Document body(String command, String collection) {
        return new Document(command, collection).append("$db", "kontor");
    }

    /** What the driver sends for projections' slots: upserts of {@code $set} by id. */
    private static List<Document> updates(int count) {
        List<Document> updates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            updates.add(new Document("q", new Document("_id", "1000:2025-03-05:" + i))
                    .append("u", new Document("$set", new Document("account", "1000").append("date", "2025-03-05")
                            .append("l." + i, new Document("entryId", "e-" + i).append("debitMinor", 1250L))))
                    .append("upsert", true));
        }
        return updates;
    }

    /** An {@code OP_MSG}: header, flags, the body (kind 0) and a sequence {@code updates} (kind 1). */
    private static byte[] opMsg(int flags, Document body, List<Document> sequence) {
        ByteBuf sections = Unpooled.buffer();
        if (body != null) {
            sections.writeByte(0);
            sections.writeBytes(BsonArrayDecoderTest.encode(body));
        }
        if (sequence != null) {
            ByteBuf documents = Unpooled.buffer();
            sequence.forEach(document -> documents.writeBytes(BsonArrayDecoderTest.encode(document)));
            byte[] identifier = "updates\0".getBytes(StandardCharsets.UTF_8);
            sections.writeByte(1);
            sections.writeIntLE(4 + identifier.length + documents.readableBytes());
            sections.writeBytes(identifier);
            sections.writeBytes(documents);
        }
        int checksum = (flags & 1) != 0 ? 4 : 0;
        ByteBuf message = Unpooled.buffer();
        message.writeIntLE(16 + 4 + sections.readableBytes() + checksum);
        message.writeIntLE(77);
        message.writeIntLE(0);
        message.writeIntLE(ReadStoreWireDecoder.OP_MSG);
        message.writeIntLE(flags);
        message.writeBytes(sections);
        if (checksum > 0) {
            message.writeIntLE(0x12345678);
        }
        return toArray(message);
    }

    private static byte[] opQuery(Document query) {
        byte[] collection = "admin.$cmd\0".getBytes(StandardCharsets.UTF_8);
        byte[] document = BsonArrayDecoderTest.encode(query);
        ByteBuf message = Unpooled.buffer();
        message.writeIntLE(16 + 4 + collection.length + 8 + document.length);
        message.writeIntLE(1);
        message.writeIntLE(0);
        message.writeIntLE(OP_QUERY);
        message.writeIntLE(0);
        message.writeBytes(collection);
        message.writeIntLE(0);
        message.writeIntLE(-1);
        message.writeBytes(document);
        return toArray(message);
    }

    private static byte[] toArray(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }
}
