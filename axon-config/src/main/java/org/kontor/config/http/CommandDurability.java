package org.kontor.config.http;

/**
 * What an HTTP command waits for after its unit of work committed and before it is acknowledged:
 * that the store holding its events keeps them across a crash of this process. A store that
 * writes its file at every commit has nothing to wait for ({@link #AT_COMMIT}); the embedded H2
 * store writes the commits of concurrent commands together, and makes each command wait for the
 * write that holds its own (see {@code org.kontor.config.storage.GroupCommit}).
 */
@FunctionalInterface
public interface CommandDurability {

    /** For stores that acknowledge a commit only once it is durable, such as Axon Server. */
    CommandDurability AT_COMMIT = () -> {
    };

    /**
     * Returns once every transaction that committed before the call is durable.
     *
     * @throws IllegalStateException when the store could not write them; the command's outcome is then unknown
     */
    void awaitDurable();
}
