package org.kontor.config.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.util.Date;
import java.util.Map;
import org.bson.BsonReader;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.CollectibleCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Encodes a {@link Document} into the same bytes as the driver's {@code DocumentCodec}, with less
 * work per value: text, numbers, booleans, dates, sub-documents and lists are written directly,
 * where the driver's codec looks up a codec for every value's class in its registry (a child
 * registry that checks for cycles, then a concurrent map). In a replay, encoding the projections'
 * writes in the driver was about a seventh of the server's CPU, most of it those look-ups. Any
 * other value is written by the registry's codec, as the driver writes it. Reading, and the
 * {@code _id} of an insert, stay the driver's.
 *
 * <p>Used by every client of the read store ({@link #settings}), so both profiles write the same
 * bytes as before.
 */
final class DocumentWriting implements CollectibleCodec<Document> {

    private static final String ID_FIELD = "_id";
    /** What the driver's codec hands a value's codec: not a document stored whole. */
    private static final EncoderContext CHILD = EncoderContext.builder().build();

    private final CodecRegistry others;
    private final CollectibleCodec<Document> driverCodec;

    @SuppressWarnings("unchecked") // the driver's codec for Document is its CollectibleCodec
    private DocumentWriting(CodecRegistry others) {
        this.others = others;
        this.driverCodec = (CollectibleCodec<Document>) others.get(Document.class);
    }

    /** The driver's default registry, with {@link Document}s written by this codec. */
    static CodecRegistry registry() {
        CodecRegistry driverDefault = MongoClientSettings.getDefaultCodecRegistry();
        return CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(new DocumentWriting(driverDefault)),
                driverDefault);
    }

    /** Client settings for {@code uri} with {@link #registry()}. */
    static MongoClientSettings settings(String uri) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .codecRegistry(registry())
                .build();
    }

    @Override
    public void encode(BsonWriter writer, Document document, EncoderContext context) {
        writeDocument(writer, document, context.isEncodingCollectibleDocument());
    }

    /** As the driver: a document stored whole (collectible) has its {@code _id} first. */
    private void writeDocument(BsonWriter writer, Map<String, Object> document, boolean collectible) {
        writer.writeStartDocument();
        boolean idFirst = collectible && document.containsKey(ID_FIELD);
        if (idFirst) {
            writer.writeName(ID_FIELD);
            writeValue(writer, document.get(ID_FIELD));
        }
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (idFirst && field.getKey().equals(ID_FIELD)) {
                continue;
            }
            writer.writeName(field.getKey());
            writeValue(writer, field.getValue());
        }
        writer.writeEndDocument();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeValue(BsonWriter writer, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String text) {
            writer.writeString(text);
        } else if (value instanceof Long number) {
            writer.writeInt64(number);
        } else if (value instanceof Integer number) {
            writer.writeInt32(number);
        } else if (value instanceof Boolean flag) {
            writer.writeBoolean(flag);
        } else if (value instanceof Double number) {
            writer.writeDouble(number);
        } else if (value.getClass() == Date.class) {
            writer.writeDateTime(((Date) value).getTime());
        } else if (value instanceof Iterable<?> values) {
            writer.writeStartArray();
            for (Object element : values) {
                writeValue(writer, element);
            }
            writer.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            writeDocument(writer, (Map<String, Object>) map, false);
        } else {
            Codec codec = others.get(value.getClass());
            CHILD.encodeWithChildContext(codec, writer, value);
        }
    }

    @Override
    public Document decode(BsonReader reader, DecoderContext context) {
        return driverCodec.decode(reader, context);
    }

    @Override
    public Class<Document> getEncoderClass() {
        return Document.class;
    }

    @Override
    public Document generateIdIfAbsentFromDocument(Document document) {
        return driverCodec.generateIdIfAbsentFromDocument(document);
    }

    @Override
    public boolean documentHasId(Document document) {
        return driverCodec.documentHasId(document);
    }

    @Override
    public BsonValue getDocumentId(Document document) {
        return driverCodec.getDocumentId(document);
    }
}
