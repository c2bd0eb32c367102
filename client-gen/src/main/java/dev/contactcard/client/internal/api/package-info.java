/**
 * Internal: the Feign interface generated from the OpenAPI spec. Not part of the public API and
 * may change in any release; use {@code dev.contactcard.client.ContactCardClient}.
 */
package dev.contactcard.client.internal.api;
