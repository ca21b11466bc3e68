package org.kontor.config.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes BSON held in a byte array into mongo-java-server's {@link Document}s, with the values
 * the library's {@link BsonDecoder} gives, but faster: it reads the array directly instead of
 * through Netty's sliced buffers byte by byte, and it keeps the field names it has decoded, so the
 * names every command repeats ({@code q}, {@code u}, {@code $set}, {@code _id}, a projection's
 * fields) cost a look-up instead of a new string each. In a rebuild of {@code ledger-lines}, the
 * library's decoding was 45 % of the read store's thread, and finding the end of a field name a
 * quarter (docs/benchmarks.md).
 *
 * <p>The types projections write (strings, numbers, booleans, dates, null, documents, arrays) are
 * decoded here; every other type is handed to the library's {@link BsonDecoder#decodeValue} over a
 * view of the same bytes, so it decodes exactly as before. Malformed input fails with an
 * {@link IllegalArgumentException}, as in the library.
 *
 * <p>One instance per connection: it is not thread-safe (its name cache).
 */
final class BsonArrayDecoder {

    /** The library's limit of one document. */
    static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    /** Names longer than this are not cached: they are rare, and would crowd out the common ones. */
    private static final int MAX_CACHED_NAME_BYTES = 64;
    /** A power of two; a collision replaces the entry, which only costs a new string later. */
    private static final int NAME_SLOTS = 1024;

    private static final byte TYPE_END = 0x00;
    private static final byte TYPE_DOUBLE = 0x01;
    private static final byte TYPE_STRING = 0x02;
    private static final byte TYPE_DOCUMENT = 0x03;
    private static final byte TYPE_ARRAY = 0x04;
    private static final byte TYPE_BOOLEAN = 0x08;
    private static final byte TYPE_DATE = 0x09;
    private static final byte TYPE_NULL = 0x0A;
    private static final byte TYPE_INT32 = 0x10;
    private static final byte TYPE_INT64 = 0x12;

    private final byte[][] nameBytes = new byte[NAME_SLOTS][];
    private final String[] names = new String[NAME_SLOTS];

    private byte[] bytes;
    private int position;

    /** Reads from {@code source}, starting at {@code offset}. */
    void reset(byte[] source, int offset) {
        this.bytes = source;
        this.position = offset;
    }

    int position() {
        return position;
    }

    int readInt() {
        require(4);
        int value = (bytes[position] & 0xff) | (bytes[position + 1] & 0xff) << 8
                | (bytes[position + 2] & 0xff) << 16 | (bytes[position + 3] & 0xff) << 24;
        position += 4;
        return value;
    }

    byte readByte() {
        require(1);
        return bytes[position++];
    }

    /** One document at the current position, which must end within {@code limit}. */
    Document readDocument(int limit) {
        int start = position;
        int length = readInt();
        if (length < 5 || start + length > limit) {
            throw new IllegalArgumentException("the document is " + length + " bytes long, but only "
                    + (limit - start) + " bytes are left");
        }
        if (length > MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("the document is " + length + " bytes long, over "
                    + MAX_DOCUMENT_BYTES);
        }
        int end = start + length;
        Document document = new Document();
        while (true) {
            byte type = readByte();
            if (type == TYPE_END) {
                break;
            }
            String name = readName(end);
            Object value = readValue(type, end);
            if (document.put(name, value) != null) {
                throw new IllegalArgumentException("Duplicate key '" + name + "'");
            }
            if (position >= end) {
                throw new IllegalArgumentException("the document does not end where its length says");
            }
        }
        if (position != end) {
            throw new IllegalArgumentException("the document does not end where its length says");
        }
        return document;
    }

    /** A zero-terminated string that ends within {@code limit}; field names come from the cache. */
    String readName(int limit) {
        int start = position;
        int hash = 0;
        int end = start;
        while (end < limit && bytes[end] != 0) {
            hash = 31 * hash + bytes[end];
            end++;
        }
        if (end >= limit) {
            throw new IllegalArgumentException("string termination not found");
        }
        int length = end - start;
        position = end + 1;
        if (length > MAX_CACHED_NAME_BYTES) {
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        }
        int slot = (hash ^ (hash >>> 16)) & (NAME_SLOTS - 1);
        byte[] cached = nameBytes[slot];
        if (cached != null && cached.length == length && isAt(cached, start)) {
            return names[slot];
        }
        String name = new String(bytes, start, length, StandardCharsets.UTF_8);
        nameBytes[slot] = Arrays.copyOfRange(bytes, start, end);
        names[slot] = name;
        return name;
    }

    /**
     * Whether {@code name} is in the bytes from {@code start}. A plain loop: names are a few bytes
     * ("d", "c", a month's day), and {@code Arrays.equals} over ranges, with its range checks and
     * vectorised mismatch, had 1.1 % of a rebuild's CPU samples for them.
     */
    private boolean isAt(byte[] name, int start) {
        for (int i = 0; i < name.length; i++) {
            if (name[i] != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }

    private Object readValue(byte type, int limit) {
        switch (type) {
            case TYPE_STRING:
                return readString(limit);
            case TYPE_DOCUMENT:
                return readDocument(limit);
            case TYPE_ARRAY:
                return readArray(limit);
            case TYPE_INT32:
                return readInt();
            case TYPE_INT64:
                return readLong();
            case TYPE_DOUBLE:
                return Double.longBitsToDouble(readLong());
            case TYPE_BOOLEAN:
                return readBoolean();
            case TYPE_DATE:
                return Instant.ofEpochMilli(readLong());
            case TYPE_NULL:
                return null;
            default:
                return readByTheLibrary(type, limit);
        }
    }

    /** As the library: an array is a document whose values, in order, are the elements. */
    private List<Object> readArray(int limit) {
        Document elements = readDocument(limit);
        return new ArrayList<>(elements.values());
    }

    private String readString(int limit) {
        int length = readInt();
        if (length < 1 || position + length > limit) {
            throw new IllegalArgumentException("the string is " + length + " bytes long, but only "
                    + (limit - position) + " bytes are left");
        }
        int end = position + length - 1;
        if (bytes[end] != 0) {
            throw new IllegalArgumentException("unexpected end of string: " + bytes[end]);
        }
        String value = new String(bytes, position, length - 1, StandardCharsets.UTF_8);
        position = end + 1;
        return value;
    }

    private Boolean readBoolean() {
        byte value = readByte();
        if (value == 0) {
            return Boolean.FALSE;
        }
        if (value == 1) {
            return Boolean.TRUE;
        }
        throw new IllegalArgumentException("illegal boolean value: " + value);
    }

    private long readLong() {
        require(8);
        long low = readInt() & 0xffffffffL;
        long high = readInt();
        return high << 32 | low;
    }

    private Object readByTheLibrary(byte type, int limit) {
        ByteBuf view = Unpooled.wrappedBuffer(bytes, position, limit - position);
        Object value = BsonDecoder.decodeValue(type, view);
        position += view.readerIndex();
        return value;
    }

    private void require(int count) {
        if (position + count > bytes.length) {
            throw new IllegalArgumentException("the input ends in the middle of a value");
        }
    }
}
