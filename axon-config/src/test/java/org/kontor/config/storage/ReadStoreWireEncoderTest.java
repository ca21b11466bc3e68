package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A find by ids is answered with the documents' stored bytes ({@link StoredDocuments}), which
 * {@link ReadStoreWireEncoder} writes as the library's encoder writes the same documents decoded;
 * every other answer is the library's, and so is every answer on a channel without this encoder.
 */
class ReadStoreWireEncoderTest {

    private static final Document MONTH = new Document("_id", "4000:2025-03").append("account", "4000")
            .append("debitMinor", 12_345_678_901L).append("count", 3).append("rate", 0.19).append("closed", false)
            .append("memo", null).append("postedAt", Instant.parse("2025-03-31T23:59:59.999Z"))
            .append("tags", List.of("vip", "north"))
            .append("days", new Document("02", new Document("d", 1000L).append("c", 0L)));
    private static final Document ACCOUNT = new Document("_id", "4000").append("name", "Umsatzerlöse");

    private final CompactMemoryBackend backend = new CompactMemoryBackend();
    private final MongoDatabase database = backend.resolveDatabase("kontor");

    ReadStoreWireEncoderTest() {
        MongoCollection<?> views = database.createCollectionOrThrowIfExists("views");
        views.addDocument(MONTH);
        views.addDocument(ACCOUNT);
        views.addDocument(new Document("_id", 7).append("n", "a number id"));
    }

    @Test
    void findByTextIds_answeredWithTheStoredBytes_writtenAsTheLibraryWritesTheDocuments() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReadStoreWireEncoder());

        Document answer = find(channel, new Document("_id", new Document("$in", List.of("4000", "missing",
                "4000:2025-03", "4000"))));

        Document cursor = (Document) answer.get("cursor");
        assertThat(cursor.get("firstBatch")).isInstanceOf(StoredDocuments.class);
        assertThat(((StoredDocuments) cursor.get("firstBatch")).documents()).hasSize(2);
        Document asTheLibraryAnswers = new Document("cursor", new Document("id", 0L).append("ns", "kontor.views")
                .append("firstBatch", List.of(ACCOUNT, MONTH))).append("ok", 1.0);
        assertThat(encode(new ReadStoreWireEncoder(), answer))
                .isEqualTo(encode(new MongoWireMessageEncoder(), asTheLibraryAnswers));
    }

    @Test
    void findWithOptionsOrOtherFilters_answeredByTheLibrary() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReadStoreWireEncoder());
        Document byIds = new Document("_id", new Document("$in", List.of("4000")));

        assertThat(firstBatchOf(find(channel, byIds, "sort", new Document("_id", 1)))).isInstanceOf(List.class);
        assertThat(firstBatchOf(find(channel, byIds, "projection", new Document("name", 1)))).isInstanceOf(List.class);
        assertThat(firstBatchOf(find(channel, byIds, "batchSize", 1))).isInstanceOf(List.class);
        assertThat(firstBatchOf(find(channel, new Document("_id", new Document("$in", List.of("4000", 7))))))
                .as("a number among the ids").isInstanceOf(List.class);
        assertThat(firstBatchOf(find(channel, new Document("account", "4000")))).isInstanceOf(List.class);
        assertThat(firstBatchOf(find(channel, new Document("_id", new Document("$in", List.of("4000")))
                .append("account", "4000")))).isInstanceOf(List.class);
    }

    @Test
    void channelWithoutThisEncoder_answeredByTheLibrary() {
        EmbeddedChannel libraryChannel = new EmbeddedChannel(new MongoWireMessageEncoder());

        Object firstBatch = firstBatchOf(find(libraryChannel, new Document("_id", new Document("$in", List.of("4000")))));

        assertThat(firstBatch).asList().containsExactly(ACCOUNT);
    }

    @Test
    void otherAnswers_writtenByTheLibrary() {
        Document inserted = new Document("n", 1).append("ok", 1.0);

        assertThat(encode(new ReadStoreWireEncoder(), inserted)).isEqualTo(encode(new MongoWireMessageEncoder(), inserted));
    }

    @Test
    void collectionThatDoesNotExist_answeredByTheLibraryWithNothing() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReadStoreWireEncoder());

        Document answer = database.handleCommand(channel, "find", new Document("find", "nothing_here")
                .append("filter", new Document("_id", new Document("$in", List.of("a")))).append("$db", "kontor"),
                name -> null, NoopOplog.get());

        assertThat(firstBatchOf(answer)).asList().isEmpty();
    }

    private Document find(EmbeddedChannel channel, Document filter, Object... option) {
        Document query = new Document("find", "views").append("filter", filter).append("$db", "kontor")
                .append("lsid", new Document("id", "session"));
        if (option.length == 2) {
            query.append((String) option[0], option[1]);
        }
        return database.handleCommand(channel, "find", query, name -> null, NoopOplog.get());
    }

    private static Object firstBatchOf(Document answer) {
        return ((Document) answer.get("cursor")).get("firstBatch");
    }

    /** The bytes an encoder writes for an answer to request 41. */
    private static byte[] encode(ChannelOutboundHandler encoder, Document answer) {
        EmbeddedChannel channel = new EmbeddedChannel(encoder);
        channel.writeOutbound(new MongoMessage(channel, new MessageHeader(12, 41), answer));
        ByteBuf written = channel.readOutbound();
        byte[] bytes = new byte[written.readableBytes()];
        written.readBytes(bytes);
        written.release();
        channel.finishAndReleaseAll();
        return bytes;
    }
}
