package dev.contactcard.server.card;

import java.time.Instant;

/**
 * A create that carried an {@code Idempotency-Key} and stored a card: the key, a fingerprint of
 * what was asked, and the card as it was answered, so that a retry with the same key and the same
 * values is answered the same way.
 */
public record RememberedCreate(
        String partnerId,
        String idempotencyKey,
        String requestHash,
        String phoneNumber,
        String firstName,
        String lastName,
        String imageUrl,
        boolean active,
        Instant createdAt) {

    /** The card as the first create answered it. */
    ContactCardRecord card() {
        return new ContactCardRecord(partnerId, phoneNumber, firstName, lastName, imageUrl, null, active);
    }
}
