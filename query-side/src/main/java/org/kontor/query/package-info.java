/**
 * The read side: projections that keep views in MongoDB up to date as events arrive, the queries
 * that read them and the HTTP query API. Views are shaped so that hot reads are {@code _id} lookups.
 */
package org.kontor.query;
