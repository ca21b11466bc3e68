/**
 * The write side: aggregates that decide, the commands they accept and the HTTP command API. One
 * package per bounded context; contexts never call each other, they react to each other's events.
 */
package org.kontor.command;
