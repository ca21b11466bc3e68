/**
 * The storage profiles of ARCHITECTURE.md. Without a profile (embedded default): events, sagas and
 * deadlines in an H2 file database under {@code erp.data-dir}; read models and their tokens in an
 * in-process MongoDB-protocol server, rebuilt by replay at every start. With {@code axonserver}:
 * events and message routing through Axon Server, read models, tokens and sagas in an external
 * MongoDB. Business code is the same on both.
 */
package org.kontor.config.storage;
