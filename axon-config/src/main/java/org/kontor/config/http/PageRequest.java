package org.kontor.config.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A bounded request for one page of a list: {@code limit} (default 50, at most 1000) and the opaque
 * {@code cursor} from the previous page's {@code nextCursor}. What a cursor means is up to the view
 * that made it; clients only hand it back.
 */
public record PageRequest(int limit, String cursorPosition) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public static PageRequest of(Integer limit, String cursor) {
        int effectiveLimit = limit == null ? DEFAULT_LIMIT : limit;
        if (effectiveLimit < 1 || effectiveLimit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(effectiveLimit, cursor == null || cursor.isEmpty() ? null : decode(cursor));
    }

    public boolean isFirstPage() {
        return cursorPosition == null;
    }

    /**
     * A decoded cursor of a view that starts its cursors with {@code prefix}: the position after it.
     * A cursor the view did not make is a 400.
     */
    public static String withoutPrefix(String position, String prefix) {
        if (!position.startsWith(prefix) || position.length() == prefix.length()) {
            throw invalidCursor();
        }
        return position.substring(prefix.length());
    }

    /** The cursor a client gets for a position in a view. */
    public static String encodeCursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalidCursor();
        }
    }

    /** For views that find a decoded cursor they did not make. */
    public static InvalidRequestException invalidCursor() {
        return new InvalidRequestException("cursor", "is not a cursor this list gave out");
    }
}
