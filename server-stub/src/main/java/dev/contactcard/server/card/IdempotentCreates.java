package dev.contactcard.server.card;

import java.util.function.Predicate;

/**
 * Creates that carry an {@code Idempotency-Key} run once: what {@link ContactCardService} asks of
 * the component that keeps the keys (package {@code idempotency}, with a table of its own).
 */
public interface IdempotentCreates {

    /**
     * Runs {@code create} unless a create with the partner's key already answered in the last 24
     * hours: then that answer is replayed when {@code fingerprint} is the same, and refused with
     * 422 / 2022 when it differs. Of concurrent creates with one key, in this process or in others
     * on the database, one runs at a time; the others wait for its answer and replay it, or, when it
     * fails, one of them runs in turn.
     *
     * @param fingerprint what the create asks for, as a hash: the same values, the same hash
     * @param create      the create; it must call the predicate it is given with its answer in the
     *                    transaction that stores the card, and roll back when the predicate answers
     *                    {@code false} (its key was taken over meanwhile)
     * @throws dev.contactcard.server.error.ApiException 422 / 2022 when the key was used with other
     *     values; whatever {@code create} throws
     */
    ContactCardRecord once(String partnerId, String key, String fingerprint, Create create);

    /** Forgets every key of every partner: for tests. */
    void forgetAll();

    /** A create that remembers its answer with its key. */
    @FunctionalInterface
    interface Create {

        /**
         * @param remember remembers the answer with the key, in the caller's transaction;
         *     {@code false} when it cannot (the caller then rolls back)
         */
        ContactCardRecord run(Predicate<ContactCardRecord> remember);
    }
}
