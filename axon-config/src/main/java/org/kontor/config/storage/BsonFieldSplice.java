package org.kontor.config.storage;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code $set} of fields of a stored document, done on its BSON bytes: the fields it adds are
 * appended to the bytes, the fields it sets to the values they hold already are left alone, and
 * nothing else of the document is decoded or encoded.
 *
 * <p>Why: the projections that fill buckets ({@code ledger_lines}, the CRM timeline) set one slot of
 * a bucket of up to 20 with each event. Decoding the stored bucket into a tree and encoding it again
 * for that was about a third of the embedded read store's CPU in a replay. MongoDB appends a field
 * that {@code $set} adds at the end of its (sub-)document, which is what the splice does, so the
 * bytes are those the decoding path writes.
 *
 * <p>Only the shapes projections send are spliced: paths of one or two names ({@code account},
 * {@code l.7}), where the first one, if stored, holds a sub-document for a path of two, and every
 * stored field named holds the very value set (same BSON type and bytes). Anything else (a value
 * changed in place, a path through an array or deeper) answers {@code null}, and the caller takes
 * the decoding path with the library's rules.
 */
final class BsonFieldSplice {

    private static final byte TYPE_DOCUMENT = 0x03;
    /** The length prefix of a document, and its terminating zero. */
    private static final int LENGTH_BYTES = 4;

    private BsonFieldSplice() {
    }

    /**
     * The stored document after {@code $set} of {@code fields}: {@code stored} itself if every field
     * holds its value already, new bytes if fields were added, or {@code null} if the splice does
     * not apply. Paths must not conflict (the caller checks, as the library reports it).
     */
    static byte[] set(byte[] stored, Document fields) {
        Map<String, List<Part>> byFirstName = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String path = field.getKey();
            int dot = path.indexOf('.');
            String first = dot < 0 ? path : path.substring(0, dot);
            String second = dot < 0 ? null : path.substring(dot + 1);
            if (!isPlainName(first) || first.equals("_id") || second != null && !isPlainName(second)) {
                return null;
            }
            Utils.validateFieldNames(new Document("value", field.getValue()));
            byFirstName.computeIfAbsent(first, name -> new ArrayList<>())
                    .add(new Part(second, field.getValue()));
        }
        ByteBuffer bytes = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream appendedToTop = new ByteArrayOutputStream();
        /** Sub-documents that get fields: where their terminating zero is, and what goes before it. */
        List<Insertion> insertions = new ArrayList<>();
        for (Map.Entry<String, List<Part>> group : byFirstName.entrySet()) {
            String name = group.getKey();
            List<Part> parts = group.getValue();
            int element = find(bytes, 0, name);
            if (parts.get(0).name() == null) { // the field itself (conflicting paths never get here)
                byte[] wanted = StoredBson.element(name, parts.get(0).value());
                if (element < 0) {
                    appendedToTop.writeBytes(wanted);
                } else if (!holds(bytes, element, wanted)) {
                    return null;
                }
                continue;
            }
            if (element < 0) {
                Document child = new Document();
                parts.forEach(part -> child.put(part.name(), part.value()));
                appendedToTop.writeBytes(StoredBson.element(name, child));
                continue;
            }
            if (stored[element] != TYPE_DOCUMENT) {
                return null; // a value or an array on the way: MongoDB's rules differ
            }
            int child = valueStart(stored, element);
            ByteArrayOutputStream appendedToChild = new ByteArrayOutputStream();
            for (Part part : parts) {
                byte[] wanted = StoredBson.element(part.name(), part.value());
                int existing = find(bytes, child, part.name());
                if (existing < 0) {
                    appendedToChild.writeBytes(wanted);
                } else if (!holds(bytes, existing, wanted)) {
                    return null;
                }
            }
            if (appendedToChild.size() > 0) {
                insertions.add(new Insertion(child, appendedToChild.toByteArray()));
            }
        }
        if (appendedToTop.size() > 0) {
            insertions.add(new Insertion(0, appendedToTop.toByteArray()));
        }
        return insertions.isEmpty() ? stored : spliced(stored, bytes, insertions);
    }

    /** A value to set: in the field itself ({@code name} null) or in the field's sub-document under {@code name}. */
    private record Part(String name, Object value) {
    }

    /** Fields to add to the document starting at {@code document}, before its terminating zero. */
    private record Insertion(int document, byte[] elements) {
    }

    /** {@code stored} with each insertion's elements added and the lengths of its documents grown. */
    private static byte[] spliced(byte[] stored, ByteBuffer bytes, List<Insertion> insertions) {
        int added = insertions.stream().mapToInt(insertion -> insertion.elements().length).sum();
        byte[] result = new byte[stored.length + added];
        ByteBuffer out = ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN);
        // Sub-documents lie side by side inside the top-level one: insert in the order of their ends,
        // so each insertion moves only what comes after it.
        insertions.sort((left, right) -> Integer.compare(end(bytes, left.document()), end(bytes, right.document())));
        int copied = 0;
        int moved = 0;
        for (Insertion insertion : insertions) {
            int terminator = end(bytes, insertion.document()) - 1;
            out.put(stored, copied, terminator - copied).put(insertion.elements());
            copied = terminator;
            if (insertion.document() > 0) {
                out.putInt(insertion.document() + moved, bytes.getInt(insertion.document()) + insertion.elements().length);
            }
            moved += insertion.elements().length;
        }
        out.put(stored, copied, stored.length - copied);
        out.putInt(0, result.length);
        return result;
    }

    private static int end(ByteBuffer bytes, int document) {
        return document + bytes.getInt(document);
    }

    /**
     * The offset of the element named {@code name} in the document starting at {@code document}
     * (its type byte), or -1.
     */
    private static int find(ByteBuffer bytes, int document, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        int end = end(bytes, document) - 1;
        int element = document + LENGTH_BYTES;
        while (element < end) {
            int nameStart = element + 1;
            int nameEnd = nameStart;
            while (bytes.get(nameEnd) != 0) {
                nameEnd++;
            }
            if (nameEnd - nameStart == wanted.length
                    && Arrays.equals(bytes.array(), nameStart, nameEnd, wanted, 0, wanted.length)) {
                return element;
            }
            element = valueEnd(bytes, element, nameEnd + 1);
        }
        return -1;
    }

    /** Where the value of the element at {@code element} starts. */
    private static int valueStart(byte[] stored, int element) {
        int nameEnd = element + 1;
        while (stored[nameEnd] != 0) {
            nameEnd++;
        }
        return nameEnd + 1;
    }

    /** Whether the stored element at {@code element} is {@code wanted} (type, name and value) byte for byte. */
    private static boolean holds(ByteBuffer bytes, int element, byte[] wanted) {
        byte[] stored = bytes.array();
        int length = valueEnd(bytes, element, valueStart(stored, element)) - element;
        return length == wanted.length && Arrays.equals(stored, element, element + length, wanted, 0, wanted.length);
    }

    /** The offset after the value that starts at {@code value}, of the element's type. */
    private static int valueEnd(ByteBuffer bytes, int element, int value) {
        byte type = bytes.get(element);
        switch (type) {
            case 0x01, 0x09, 0x11, 0x12: // double, date-time, timestamp, int64
                return value + 8;
            case 0x02, 0x0D, 0x0E: // string, code, symbol: length, then the bytes with their zero
                return value + LENGTH_BYTES + bytes.getInt(value);
            case 0x03, 0x04, 0x0F: // document, array, code with scope: their length covers them
                return value + bytes.getInt(value);
            case 0x05: // binary: length, subtype, bytes
                return value + LENGTH_BYTES + 1 + bytes.getInt(value);
            case 0x07: // object id
                return value + 12;
            case 0x08: // boolean
                return value + 1;
            case 0x0A, 0x06, (byte) 0xFF, 0x7F: // null, undefined, min key, max key
                return value;
            case 0x10: // int32
                return value + 4;
            case 0x13: // decimal128
                return value + 16;
            default: { // anything rarer: let the decoder walk over it
                ByteBuf buffer = Unpooled.wrappedBuffer(bytes.array());
                buffer.readerIndex(value);
                BsonDecoder.decodeValue(type, buffer);
                return buffer.readerIndex();
            }
        }
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.startsWith("$") && name.indexOf('.') < 0 && name.indexOf('\0') < 0;
    }
}
