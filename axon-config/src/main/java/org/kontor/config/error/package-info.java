/**
 * How business rule violations travel: each context names its rules in an enum implementing
 * {@link org.kontor.config.error.RuleCode}; one exception type carries the code from a command
 * handler to the HTTP edge, also across Axon Server.
 */
package org.kontor.config.error;
