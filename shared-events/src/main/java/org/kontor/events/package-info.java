/**
 * The events of every bounded context, the only thing the command side and the query side share.
 * One sub-package per context; value types used by several contexts live in {@code common}.
 */
package org.kontor.events;
