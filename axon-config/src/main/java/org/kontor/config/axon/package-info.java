/**
 * Axon wiring used on every profile: the JSON serializer whose output the approval tests pin, the
 * metadata each message carries for auditors, and the defaults of the projection processors.
 */
package org.kontor.config.axon;
