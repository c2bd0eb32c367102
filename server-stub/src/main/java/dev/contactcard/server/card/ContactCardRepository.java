package dev.contactcard.server.card;

import java.time.Instant;
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

    /**
     * The create that stored a card with this partner's key at or after {@code notBefore}, if any.
     */
    Optional<RememberedCreate> findCreate(String partnerId, String idempotencyKey, Instant notBefore);

    /**
     * Remembers a create with its key, in the caller's transaction, replacing a remembered create of
     * the same key from before {@code expiredBefore}; {@code false} when a create with the key is
     * already remembered (committed first by a concurrent request): the caller then rolls back.
     */
    boolean rememberCreate(RememberedCreate create, Instant expiredBefore);

    /**
     * Claims a partner's key for a create about to run: {@code true} when the caller now holds it
     * (no one did, or the holder claimed it before {@code abandonedBefore}: its process died or
     * stalled), {@code false} while another create holds it. One statement decides, so of
     * concurrent claims in any number of processes on the database exactly one wins.
     */
    boolean claim(String partnerId, String idempotencyKey, String requestHash, Instant now, Instant abandonedBefore);

    /**
     * The request hash of the create holding the key's claim, if one claimed it at or after
     * {@code abandonedBefore}; an older claim is abandoned and counts as none.
     */
    Optional<String> claimHolder(String partnerId, String idempotencyKey, Instant abandonedBefore);

    /**
     * Gives up the claim made at {@code claimedAt} (its create failed, or, in the create's
     * transaction, was remembered), unless another create has taken it over since. The row stays,
     * marked abandoned: deleting it while other requests read it made H2 fail their reads ("Row
     * not found in primary index", error 90143).
     */
    void releaseClaim(String partnerId, String idempotencyKey, Instant claimedAt);

    /** Removes every card, every remembered create and every claim, of every partner: for tests. */
    void deleteAll();
}
