package org.kontor.config.http;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Versions at the HTTP edge. Clients count versions from 1 (the create); Axon counts the sequence
 * numbers of an aggregate's events from 0. This class is the only place that converts.
 */
public final class Versions {

    private Versions() {
    }

    /**
     * The Axon version a command must find, from {@code If-Match: N} (quoted or not); {@code null}
     * when the request is unconditional.
     */
    public static Long expectedAggregateVersion(ServerWebExchange exchange) {
        String ifMatch = exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new InvalidRequestException("If-Match", "must be a version of 1 or more");
            }
            return version - 1;
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("If-Match", "must be the version from an ETag, such as \"3\"");
        }
    }

    /** A strong ETag for a version: {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
