package org.kontor.command.audit;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One link of the audit hash chain: SHA-256 over a canonical encoding of a stored event and the
 * previous link's hash. Every field is written with its length first ({@code -1} for a missing
 * value), so no two different rows encode alike however their texts are cut. A changed byte of the
 * payload or metadata, another identity, aggregate, sequence, type or timestamp, or another
 * predecessor all give another hash.
 */
final class ChainHash {

    /** The predecessor of the first link. */
    static final String GENESIS = "0".repeat(64);
    /** Names the encoding, so a future encoding can never collide with this one. */
    private static final String ENCODING = "kontor-audit-chain/1";

    private ChainHash() {
    }

    static String link(StoredEvent event, String previousHash) {
        MessageDigest sha256 = sha256();
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), sha256))) {
            writeText(out, ENCODING);
            out.writeLong(event.globalIndex());
            writeText(out, event.eventIdentifier());
            writeText(out, event.aggregateIdentifier());
            out.writeLong(event.sequenceNumber());
            writeText(out, event.aggregateType());
            writeText(out, event.payloadType());
            writeText(out, event.payloadRevision());
            writeText(out, event.timestamp());
            writeBytes(out, event.payload());
            writeBytes(out, event.metadata());
            writeText(out, previousHash);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
