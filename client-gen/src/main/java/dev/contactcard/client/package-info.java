/**
 * The Contact Card client: {@link dev.contactcard.client.ContactCardClient} and its exceptions.
 *
 * <p>This package and {@code dev.contactcard.client.model} (the request and response models,
 * generated from the OpenAPI spec) are the public API. {@code dev.contactcard.client.internal.*}
 * is generated plumbing and may change in any release.
 */
package dev.contactcard.client;
