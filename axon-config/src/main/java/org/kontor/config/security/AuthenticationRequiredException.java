package org.kontor.config.security;

/** The request needs a signed-in user and has none, or its credentials are wrong. */
public class AuthenticationRequiredException extends RuntimeException {

    public AuthenticationRequiredException() {
        super("Sign in: send HTTP Basic credentials or a bearer token.", null, false, false);
    }
}
