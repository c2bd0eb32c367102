/**
 * The request and response models of the Contact Card API, generated from the OpenAPI spec at
 * build time (Jackson, snake_case JSON names): {@link dev.contactcard.client.model.ContactCard},
 * {@link dev.contactcard.client.model.ContactCardList}, {@link
 * dev.contactcard.client.model.CreateContactCardRequest}, {@link
 * dev.contactcard.client.model.UpdateContactCardRequest}, {@link
 * dev.contactcard.client.model.ErrorResponse} and {@link dev.contactcard.client.model.ErrorDetail}.
 *
 * <p>On {@code UpdateContactCardRequest} a field that is never set is not sent (it keeps its
 * value); {@code lastName(null)} or {@code imageUrl(null)} sends an explicit {@code null}, which
 * clears it. Unknown fields in responses are ignored.
 *
 * <p>The generator also writes an {@code ApiResponse} class into this package for the internal
 * Feign interface. It is not part of the client's API, is left out of this Javadoc, and may
 * change or disappear in any release.
 */
package dev.contactcard.client.model;
