/**
 * The HTTP conventions of API.md, implemented once for every endpoint: request ids and command
 * metadata, problem+json errors, the 1 MiB body limit, versions as ETags, cursor paging with a
 * bounded limit, and reads that wait for consistency ({@code consistent=true}, {@code minVersion}).
 */
package org.kontor.config.http;
