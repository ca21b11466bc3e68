package org.kontor.config.http;

/** A request body larger than the server accepts. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long declaredBytes, long maxBytes) {
        super("The request body of " + declaredBytes + " bytes is over the limit of " + maxBytes + " bytes.");
    }

    public PayloadTooLargeException(long maxBytes) {
        super("The request body is over the limit of " + maxBytes + " bytes.");
    }
}
