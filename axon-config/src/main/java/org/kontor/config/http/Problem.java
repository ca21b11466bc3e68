package org.kontor.config.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem body with the fields API.md promises: {@code code} names the situation for
 * programs, {@code detail} explains it to people, {@code instance} is the request id to quote.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String instance,
        List<InvalidRequestException.FieldProblem> errors) {

    static final String TYPE_PREFIX = "urn:kontor:problem:";

    static Problem of(int status, String title, String code, String detail, List<InvalidRequestException.FieldProblem> errors) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, code, null, errors);
    }

    Problem forRequest(String requestId) {
        return new Problem(type, title, status, detail, code, requestId, errors);
    }
}
