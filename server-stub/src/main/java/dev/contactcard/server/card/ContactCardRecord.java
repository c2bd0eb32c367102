package dev.contactcard.server.card;

import java.util.Objects;

/**
 * A stored contact card, as the repository keeps it.
 *
 * @param partnerId      the partner the card belongs to (from the caller's API key)
 * @param phoneNumber    the E.164 number; with the partner, the card's identity
 * @param firstName      first name, never blank
 * @param lastName       last name, or {@code null}
 * @param imageUrl       the rehosted image URL the API returns, or {@code null}
 * @param imageSourceUrl the {@code image_url} the partner sent, from which {@code imageUrl} was
 *                       rehosted; compared with a new value to rehost only when it changes
 * @param active         whether the apply step succeeded
 */
public record ContactCardRecord(
        String partnerId,
        String phoneNumber,
        String firstName,
        String lastName,
        String imageUrl,
        String imageSourceUrl,
        boolean active) {

    public ContactCardRecord {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(firstName, "firstName");
    }

    /**
     * A card whose image (if any) is hosted at the URL it was given with: the form a test uses to
     * put a card straight into the repository.
     */
    public static ContactCardRecord of(
            String partnerId, String phoneNumber, String firstName, String lastName, String imageUrl, boolean active) {
        return new ContactCardRecord(partnerId, phoneNumber, firstName, lastName, imageUrl, imageUrl, active);
    }

    /** This card with the given activation state. */
    public ContactCardRecord withActive(boolean isActive) {
        return new ContactCardRecord(partnerId, phoneNumber, firstName, lastName, imageUrl, imageSourceUrl, isActive);
    }
}
