/**
 * The single-process deployable: the command side, the query side and the embedded storage in one
 * JVM. Its main class is what the README's run command starts.
 */
package org.kontor.server;
