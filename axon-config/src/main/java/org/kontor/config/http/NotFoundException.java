package org.kontor.config.http;

/** The path names something the server does not know. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("No " + what + " with id " + id + ".", null, false, false);
    }
}
