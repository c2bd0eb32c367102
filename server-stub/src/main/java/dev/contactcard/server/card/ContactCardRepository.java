package dev.contactcard.server.card;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where contact cards are kept, one per (partner, phone number). Every write is a single atomic
 * statement whose outcome tells whether it took effect, and an update locks the row it changes, so
 * that concurrent requests (in this process or another one on the same database) never produce two
 * cards for one number nor lose a field: the database keeps these guarantees, not the process.
 *
 * <p>Tests, including the Pact provider tests, use {@link #deleteAll()} and {@link #save} to set
 * up provider states directly.
 */
public interface ContactCardRepository {

    /** The card of a partner's number, if any. */
    Optional<ContactCardRecord> find(String partnerId, String phoneNumber);

    /**
     * Every card of a partner, active or not, ordered by phone number, in one list: for tests. The
     * API lists with {@link #forEach}, whose memory does not grow with the number of cards.
     */
    List<ContactCardRecord> findAll(String partnerId);

    /**
     * The card of a partner's number, if any, locked against every other writer (in this process
     * or another one on the database) until the caller's transaction ends; call it in one.
     */
    Optional<ContactCardRecord> findForUpdate(String partnerId, String phoneNumber);

    /**
     * Hands every card of a partner, active or not, ordered by phone number, to {@code action} one
     * at a time as the database returns them, without holding them all: memory stays the same for
     * any number of cards. The read (one database connection, one read-only transaction) stays
     * open until the last card.
     */
    void forEach(String partnerId, Consumer<ContactCardRecord> action);

    /** Stores a new card; {@code false} (and nothing changed) when the number already has a card. */
    boolean insert(ContactCardRecord card);

    /**
     * Replaces the stored fields of an existing card, but only while its activation state is
     * still {@code expectedActive}; {@code false} (and nothing changed) otherwise.
     */
    boolean replace(ContactCardRecord card, boolean expectedActive);

    /** Inserts or overwrites a card unconditionally: for seeding and tests, not for the API. */
    void save(ContactCardRecord card);

    /** Removes every card of every partner: for tests. */
    void deleteAll();
}
