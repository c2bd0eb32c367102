package dev.contactcard.server.card;

/**
 * The apply step of a create: pushes a create's card (still inactive) to the device before the
 * card is stored. The card is stored active only when this returns {@code true}, else inactive
 * (also when this throws).
 */
@FunctionalInterface
public interface CardApplier {

    /**
     * Applies the card.
     *
     * @return {@code true} when the card was applied, {@code false} when the apply step failed
     *     (the card is then stored inactive and a later create retries it)
     */
    boolean apply(ContactCardRecord card);
}
