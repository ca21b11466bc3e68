/**
 * The audit trail on the side that owns the event store: auditors browse every stored event in
 * global order or one aggregate's history (with the metadata of the command behind it: user,
 * correlation, causation and request ids), and check that nothing was changed after the fact.
 *
 * <p>Tamper evidence is a SHA-256 hash chain kept beside the events, in the same database: the
 * {@code audit-hash-chain} processor appends one link per stored event ({@link HashChainLinker}),
 * {@link ChainVerification} recomputes the links from the stored rows and names the first event that
 * no longer matches, and a digest per day (the hash of the day's last link) can be exported and kept
 * elsewhere, so even a rewrite of the whole chain shows against an exported digest.
 *
 * <p>It reads the tables of Axon's JDBC engine, so it exists on the embedded default storage only;
 * on the {@code axonserver} profile Axon Server keeps (and checks) the events, and these endpoints
 * answer 404.
 */
package org.kontor.command.audit;
