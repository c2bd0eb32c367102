package dev.contactcard.server.storage;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.card.ContactCardRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@link ContactCardRepository} that answers the lookup of one number ({@link #find}: every GET
 * by phone number, and the check before a create) from memory when it has read that number before
 * and nothing has been written since: for a database only this process writes (file storage, whose
 * H2 file is locked by the process, and memory storage). Never for postgres storage, where other
 * instances write the same database. Everything else is the database's: the locked read of an
 * update, listings, and every write.
 *
 * <p>What a caller sees is what the database holds:
 *
 * <ul>
 *   <li>A write counts itself in flight from before its statement until its transaction has ended
 *       (committed or rolled back; at once without a transaction), and then drops its number's
 *       entry ({@link #deleteAll} drops every entry). While any write is in flight, lookups read the
 *       database, on the caller's transaction if it has one, and remember nothing.
 *   <li>A lookup that read the database remembers what it read only if no write was in flight when
 *       it began and none began or ended until it stores (checked under the entry's lock).
 * </ul>
 *
 * <p>So once a write has returned, every lookup returns what it wrote (or what a later write
 * wrote); a lookup concurrent with a write returns the card as it was before the write or after.
 * Cards not found are remembered too, so a GET of an unknown number is answered from memory as
 * well.
 *
 * <p>At most about {@code capacity} numbers are held: a lookup that would hold one more first drops
 * an arbitrary one. A plain {@link ConcurrentHashMap}, not a caching library: Caffeine, the one to
 * take for a better eviction policy, costs 75 to 105 ms of class loading and set-up in a fresh
 * JVM, 2 to 3% of the sandbox's start-up, which its start-up target cannot spare.
 */
final class CachingContactCardRepository implements ContactCardRepository {

    private record Key(String partnerId, String phoneNumber) {}

    private final ContactCardRepository database;
    private final ConcurrentHashMap<Key, Optional<ContactCardRecord>> cards = new ConcurrentHashMap<>();
    private final long capacity;
    private final AtomicInteger writesInFlight = new AtomicInteger();
    /** Counts every start and every end of a write. */
    private final AtomicLong writeEvents = new AtomicLong();

    /**
     * @param database the repository every write and every miss goes to
     * @param capacity the most numbers held at once (positive)
     */
    CachingContactCardRepository(ContactCardRepository database, long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.database = database;
        this.capacity = capacity;
    }

    @Override
    public Optional<ContactCardRecord> find(String partnerId, String phoneNumber) {
        Key key = new Key(partnerId, phoneNumber);
        if (writesInFlight.get() == 0) {
            Optional<ContactCardRecord> known = cards.get(key);
            if (known != null) {
                return known;
            }
        }
        // Read in this order: a write that starts after the check below counts an event after it.
        long eventsBefore = writeEvents.get();
        boolean quiet = writesInFlight.get() == 0;
        Optional<ContactCardRecord> read = database.find(partnerId, phoneNumber);
        if (quiet) {
            if (cards.size() >= capacity) {
                dropOne();
            }
            // Kept only if no write began or ended while the database was read (what was read may
            // be older than what that write leaves), checked under the entry's lock: a write that
            // ends after this drops the entry itself, one that ended before is seen here.
            cards.compute(key, (k, held) -> writeEvents.get() == eventsBefore ? read : held);
        }
        return read;
    }

    @Override
    public Optional<ContactCardRecord> findForUpdate(String partnerId, String phoneNumber) {
        return database.findForUpdate(partnerId, phoneNumber);
    }

    @Override
    public List<ContactCardRecord> findAll(String partnerId) {
        return database.findAll(partnerId);
    }

    @Override
    public void forEach(String partnerId, Consumer<ContactCardRecord> action) {
        database.forEach(partnerId, action);
    }

    @Override
    public boolean insert(ContactCardRecord card) {
        return write(keyOf(card), () -> database.insert(card));
    }

    @Override
    public boolean replace(ContactCardRecord card, boolean expectedActive) {
        return write(keyOf(card), () -> database.replace(card, expectedActive));
    }

    @Override
    public void save(ContactCardRecord card) {
        write(keyOf(card), () -> {
            database.save(card);
            return null;
        });
    }

    @Override
    public void deleteAll() {
        write(null, () -> {
            database.deleteAll();
            return null;
        });
    }

    /** The number of entries held: for tests. */
    long size() {
        return cards.size();
    }

    private void dropOne() {
        for (Key held : cards.keySet()) {
            cards.remove(held);
            return;
        }
    }

    private static Key keyOf(ContactCardRecord card) {
        return new Key(card.partnerId(), card.phoneNumber());
    }

    /**
     * Runs a write of {@code key}'s card ({@code null}: every card) in flight until the caller's
     * transaction ends, or until it returns without one.
     */
    private <T> T write(Key key, Supplier<T> statement) {
        writesInFlight.incrementAndGet();
        writeEvents.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    ended(key);
                }
            });
            return statement.get();
        }
        try {
            return statement.get();
        } finally {
            ended(key);
        }
    }

    private void ended(Key key) {
        // Counted before the entry is dropped: a lookup that would store after the drop sees it.
        writeEvents.incrementAndGet();
        if (key == null) {
            cards.clear();
        } else {
            cards.remove(key);
        }
        writesInFlight.decrementAndGet();
    }
}
