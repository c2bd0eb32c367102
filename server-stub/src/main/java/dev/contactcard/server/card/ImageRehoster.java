package dev.contactcard.server.card;

/**
 * Rehosts a partner's profile image on the CDN. Called only when a card's {@code image_url}
 * changes (a new value on create, or a different value on update), never for the same value again.
 */
@FunctionalInterface
public interface ImageRehoster {

    /**
     * Uploads the image at {@code sourceUrl}.
     *
     * @return the URL the image is served from, which the card returns as {@code image_url}
     */
    String rehost(String partnerId, String sourceUrl);
}
