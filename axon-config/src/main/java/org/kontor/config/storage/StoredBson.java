package org.kontor.config.storage;

import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes the library's documents into the BSON the read store keeps, byte for byte as the
 * library's {@link BsonEncoder} does, for less work: the fields are walked as entries (the library
 * looks each one up again by its key), text that is ASCII is written without an intermediate byte
 * array, and a list is written in place (the library first copies it into a document keyed by
 * index). Values of any other type than text, numbers, booleans, dates, null, documents and lists
 * are written by the library's encoder. In a replay the library's encoding of stored documents was
 * 7 % of the server's samples, most of it looking fields up and copying.
 */
final class StoredBson {

    private static final byte DOUBLE = 0x01;
    private static final byte TEXT = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte BOOLEAN = 0x08;
    private static final byte DATE = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;

    /** The names of a list's first elements, made once. */
    private static final String[] INDEXES = new String[1024];

    static {
        for (int index = 0; index < INDEXES.length; index++) {
            INDEXES[index] = Integer.toString(index);
        }
    }

    private byte[] bytes = new byte[512];
    private int length;

    private StoredBson() {
    }

    /** The document as BSON. */
    static byte[] encode(Map<String, ?> document) {
        StoredBson out = new StoredBson();
        out.document(document);
        return Arrays.copyOf(out.bytes, out.length);
    }

    /** One element, as in a document: type, name, value. */
    static byte[] element(String name, Object value) {
        StoredBson out = new StoredBson();
        out.write(name, value);
        return Arrays.copyOf(out.bytes, out.length);
    }

    private void document(Map<String, ?> document) {
        int start = reserveLength();
        for (Map.Entry<String, ?> field : document.entrySet()) {
            write(field.getKey(), field.getValue());
        }
        put((byte) 0);
        setLength(start);
    }

    private void array(List<?> list) {
        int start = reserveLength();
        for (int index = 0; index < list.size(); index++) {
            write(index < INDEXES.length ? INDEXES[index] : Integer.toString(index), list.get(index));
        }
        put((byte) 0);
        setLength(start);
    }

    private void write(String name, Object value) {
        if (value instanceof String text) {
            head(TEXT, name);
            text(text);
        } else if (value instanceof Long number) {
            head(INT64, name);
            putLong(number);
        } else if (value instanceof Map<?, ?> map) {
            head(DOCUMENT, name);
            @SuppressWarnings("unchecked")
            Map<String, ?> document = (Map<String, ?>) map;
            document(document);
        } else if (value instanceof Integer number) {
            head(INT32, name);
            putInt(number);
        } else if (value instanceof List<?> list) {
            head(ARRAY, name);
            array(list);
        } else if (value instanceof Boolean flag) {
            head(BOOLEAN, name);
            put(flag ? (byte) 1 : (byte) 0);
        } else if (value instanceof Double number) {
            head(DOUBLE, name);
            putLong(Double.doubleToRawLongBits(number));
        } else if (value instanceof Instant instant) {
            head(DATE, name);
            putLong(instant.toEpochMilli());
        } else if (value == null) {
            head(NULL, name);
        } else {
            byLibrary(name, value);
        }
    }

    /** Any rarer value (object id, binary, decimal, timestamp, a set, ...), as the library writes it. */
    private void byLibrary(String name, Object value) {
        byte type = BsonEncoder.determineType(value);
        head(type, name);
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeValue(type, value, buffer);
            int size = buffer.readableBytes();
            ensure(size);
            buffer.readBytes(bytes, length, size);
            length += size;
        } finally {
            buffer.release();
        }
    }

    private void head(byte type, String name) {
        put(type);
        int start = length;
        if (!ascii(name)) {
            length = start;
            putBytes(name.getBytes(StandardCharsets.UTF_8));
        }
        put((byte) 0);
    }

    /** Length (with the terminating zero), bytes in UTF-8, a zero. */
    private void text(String text) {
        int start = reserveLength();
        if (!ascii(text)) {
            length = start + 4;
            putBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        put((byte) 0);
        writeIntAt(start, length - start - 4);
    }

    /** Writes the text if every character is ASCII and says so; else what it wrote is to be discarded. */
    private boolean ascii(String text) {
        int size = text.length();
        ensure(size);
        byte[] out = bytes;
        int at = length;
        for (int index = 0; index < size; index++) {
            char c = text.charAt(index);
            if (c >= 0x80) {
                return false;
            }
            out[at++] = (byte) c;
        }
        length = at;
        return true;
    }

    private int reserveLength() {
        int start = length;
        ensure(4);
        length += 4;
        return start;
    }

    /** The length of what was written since {@code start}, at {@code start}. */
    private void setLength(int start) {
        writeIntAt(start, length - start);
    }

    private void writeIntAt(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private void put(byte value) {
        ensure(1);
        bytes[length++] = value;
    }

    private void putInt(int value) {
        ensure(4);
        writeIntAt(length, value);
        length += 4;
    }

    private void putLong(long value) {
        ensure(8);
        writeIntAt(length, (int) value);
        writeIntAt(length + 4, (int) (value >>> 32));
        length += 8;
    }

    private void putBytes(byte[] source) {
        ensure(source.length);
        System.arraycopy(source, 0, bytes, length, source.length);
        length += source.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
