/**
 * Infrastructure shared by the command side and the query side: how events are serialized and
 * stored (the storage profiles), how processors run, the metadata every message carries, and the
 * HTTP conventions of API.md (problem+json, request ids, paging, read consistency), written once.
 * No business rules live here.
 */
package org.kontor.config;
