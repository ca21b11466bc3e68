/**
 * Who may do what. HTTP Basic against the system's own user accounts (their life is events in the
 * people context; the accounts are read straight from the event store), or JWTs from an identity
 * provider when one is configured; roles by job and the access matrix that maps every endpoint to
 * the roles that reach it; failed-login throttling, security headers and CORS.
 */
package org.kontor.config.security;
