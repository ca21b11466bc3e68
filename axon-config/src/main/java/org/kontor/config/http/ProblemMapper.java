package org.kontor.config.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.messaging.annotation.MessageHandlerInvocationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.RuleViolationDetails;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.security.AuthenticationRequiredException;
import org.kontor.config.security.LoginThrottledException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Maps every failure to the problem API.md names for it. Anything not recognised is a defect and
 * answers a bare 500 without internals; the caller logs it.
 */
final class ProblemMapper {

    private ProblemMapper() {
    }

    static Problem toProblem(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof BusinessRuleViolation violation) {
            return rule(violation.httpStatus(), violation.code(), violation.getMessage());
        }
        if (error instanceof CommandExecutionException remote
                && remote.getDetails().orElse(null) instanceof RuleViolationDetails details) {
            return rule(details.httpStatus(), details.code(), details.detail());
        }
        if (error instanceof AuthenticationRequiredException) {
            return Problem.of(401, "Unauthenticated", "UNAUTHENTICATED", error.getMessage(), null);
        }
        if (error instanceof AccessDeniedException) {
            return Problem.of(403, "Forbidden", "FORBIDDEN", "Your roles do not allow this request.", null);
        }
        if (error instanceof LoginThrottledException) {
            return Problem.of(429, "Too many requests", "TOO_MANY_REQUESTS", error.getMessage(), null);
        }
        if (error instanceof InvalidRequestException invalid) {
            return invalid(invalid.getMessage(), invalid.errors());
        }
        if (error instanceof WebExchangeBindException binding) {
            return invalid("The request has invalid fields.", fieldProblems(binding));
        }
        if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
            return Problem.of(415, "Unsupported media type", "UNSUPPORTED_MEDIA_TYPE",
                    "Send the body as application/json" + describe(unsupported.getContentType()), null);
        }
        if (error instanceof PayloadTooLargeException || isBodyOverLimit(error)) {
            return Problem.of(413, "Payload too large", "PAYLOAD_TOO_LARGE",
                    "The request body is over the limit of 1 MiB.", null);
        }
        if (error instanceof MissingRequestValueException missing) {
            return invalid(missing.getReason(), List.of(new FieldProblem(missing.getName(), "is required")));
        }
        if (error instanceof ServerWebInputException input) {
            return unreadableInput(input);
        }
        if (error instanceof NotFoundException || error instanceof AggregateNotFoundException) {
            return Problem.of(404, "Not found", "NOT_FOUND", notFoundDetail(error), null);
        }
        if (error instanceof ConflictingAggregateVersionException) {
            return Problem.of(412, "Precondition failed", "VERSION_CONFLICT",
                    "The resource has changed since the version in If-Match; read it again.", null);
        }
        // A deadlock between two units of work that lock several aggregates: one is rolled back.
        if (error instanceof AggregateStreamCreationException || error instanceof ConcurrencyException
                || error instanceof DeadlockException) {
            return Problem.of(409, "Conflict", "VERSION_CONFLICT",
                    "A concurrent change to the same resource won; read it again and retry.", null);
        }
        if (error instanceof NotConsistentYetException late) {
            return Problem.of(503, "Service unavailable", "NOT_CONSISTENT_YET", late.getMessage(), null);
        }
        if (error instanceof MethodNotAllowedException) {
            return Problem.of(405, "Method not allowed", "METHOD_NOT_ALLOWED",
                    "This resource does not support that method.", null);
        }
        if (error instanceof NotAcceptableStatusException) {
            return Problem.of(406, "Not acceptable", "NOT_ACCEPTABLE", "This resource answers in JSON.", null);
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
            return Problem.of(404, "Not found", "NOT_FOUND", "There is no resource at this path.", null);
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            return invalid(status.getReason() == null ? "The request is invalid." : status.getReason(), List.of());
        }
        return Problem.of(500, "Internal error", "INTERNAL_ERROR",
                "The server failed to handle the request; quote the instance when you report it.", null);
    }

    private static Problem rule(int status, String code, String detail) {
        String title = switch (status) {
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 503 -> "Service unavailable";
            default -> "Business rule violated";
        };
        return Problem.of(status, title, code, detail, null);
    }

    private static Problem invalid(String detail, List<FieldProblem> errors) {
        return Problem.of(400, "Invalid request", "INVALID_REQUEST", detail, errors);
    }

    private static Problem unreadableInput(ServerWebInputException input) {
        Throwable cause = input.getCause();
        while (cause != null && !(cause instanceof JsonProcessingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return invalid("The field " + field + " has a value of the wrong type or form.",
                    List.of(new FieldProblem(field, mappingMessage(mapping))));
        }
        if (cause != null) {
            return invalid("The body is not valid JSON.", List.of(new FieldProblem("body", "is not valid JSON")));
        }
        if (input.getCause() instanceof DecodingException) {
            return invalid("The body could not be read.", List.of(new FieldProblem("body", "could not be read")));
        }
        if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
            String name = input.getMethodParameter().getParameterName();
            return invalid("The parameter " + name + " is invalid.", List.of(new FieldProblem(name, "is invalid")));
        }
        return invalid(input.getReason() == null ? "The request is invalid." : input.getReason(),
                List.of(new FieldProblem("body", "is missing or invalid")));
    }

    private static String mappingMessage(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            Object[] values = format.getTargetType().getEnumConstants();
            return "must be one of " + java.util.Arrays.toString(values);
        }
        if (mapping.getCause() instanceof IllegalArgumentException argument && argument.getMessage() != null) {
            return argument.getMessage();
        }
        return "has the wrong type or form";
    }

    private static List<FieldProblem> fieldProblems(WebExchangeBindException binding) {
        List<FieldProblem> problems = binding.getFieldErrors().stream()
                .map(ProblemMapper::fieldProblem)
                .toList();
        return problems.isEmpty() ? List.of(new FieldProblem("body", "is invalid")) : problems;
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    private static boolean isBodyOverLimit(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }

    private static String notFoundDetail(Throwable error) {
        return error instanceof NotFoundException ? error.getMessage() : "The resource named in the path does not exist.";
    }

    private static String describe(Object contentType) {
        return contentType == null ? "." : ", not " + contentType + ".";
    }

    static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        while ((error instanceof CompletionException || error instanceof ExecutionException
                || error instanceof MessageHandlerInvocationException || error instanceof EventStoreException
                && error.getCause() instanceof ConcurrencyException)
                && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    static boolean isServerFault(Problem problem) {
        return problem.status() >= HttpStatus.INTERNAL_SERVER_ERROR.value()
                && !"NOT_CONSISTENT_YET".equals(problem.code());
    }
}
