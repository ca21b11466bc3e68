/**
 * How every projection writes: the documents a batch of events touches are read once, changed in
 * memory and written back in one {@code bulkWrite} per collection when the batch ends, before the
 * processor stores its token. Each document remembers the position of the last event it applied,
 * so an event delivered again after a crash is skipped.
 */
package org.kontor.query.projection;
