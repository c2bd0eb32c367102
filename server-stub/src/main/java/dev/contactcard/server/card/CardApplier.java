package dev.contactcard.server.card;

/**
 * The apply step of a create: pushes a stored (still inactive) card to the device. The card is
 * activated only when this returns {@code true}.
 */
@FunctionalInterface
public interface CardApplier {

    /**
     * Applies the card.
     *
     * @return {@code true} when the card was applied, {@code false} when the apply step failed
     *     (the card then stays stored inactive and a later create retries it)
     */
    boolean apply(ContactCardRecord card);
}
