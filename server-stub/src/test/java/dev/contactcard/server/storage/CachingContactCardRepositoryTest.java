package dev.contactcard.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.ContactCardProperties.StorageMode;
import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.card.ContactCardRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read cache of file and memory storage on a real (in-memory H2) database: lookups it answers
 * from memory, and that every lookup returns what the database holds once a write has returned,
 * including while writes race with lookups.
 */
class CachingContactCardRepositoryTest {

    private static final String PARTNER = "sandbox";

    private JdbcConnectionPool dataSource;
    private TransactionTemplate transactions;
    private JdbcContactCardRepository database;
    private final AtomicInteger databaseLookups = new AtomicInteger();
    private CachingContactCardRepository cache;
    private volatile boolean pauseAfterLookups;

    @BeforeEach
    void database() {
        dataSource = JdbcConnectionPool.create(
                "jdbc:h2:mem:cache-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=TRUE", "sa", "");
        dataSource.setMaxConnections(32);
        Flyway.configure().dataSource(dataSource).load().migrate();
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // The database's repository, counting its lookups by number.
        database =
                new JdbcContactCardRepository(
                        JdbcClient.create(dataSource),
                        new JdbcTemplate(dataSource),
                        transactions,
                        StorageConfiguration.LISTING_FETCH_SIZE) {
                    @Override
                    public Optional<ContactCardRecord> find(String partnerId, String phoneNumber) {
                        databaseLookups.incrementAndGet();
                        Optional<ContactCardRecord> read = super.find(partnerId, phoneNumber);
                        if (pauseAfterLookups) {
                            // A reader's thread paused between the database and the cache, as a busy
                            // machine pauses it: a whole write then fits in between.
                            LockSupport.parkNanos(200_000);
                        }
                        return read;
                    }
                };
        cache = new CachingContactCardRepository(database, 1_000);
    }

    @AfterEach
    void drop() {
        new JdbcTemplate(dataSource).execute("SHUTDOWN");
        dataSource.dispose();
    }

    @Test
    void aNumberLookedUpAgainIsAnsweredFromMemoryWhetherItHasACardOrNot() {
        database.save(card("+15551234567", "John"));

        assertThat(cache.find(PARTNER, "+15551234567")).contains(card("+15551234567", "John"));
        assertThat(cache.find(PARTNER, "+15551234567")).contains(card("+15551234567", "John"));
        assertThat(cache.find(PARTNER, "+15550000000")).isEmpty();
        assertThat(cache.find(PARTNER, "+15550000000")).isEmpty();
        assertThat(cache.find("other-partner", "+15551234567"))
                .as("the partner is part of the key")
                .isEmpty();

        assertThat(databaseLookups).hasValue(3);
    }

    @Test
    void everyWriteIsSeenByTheNextLookup() {
        String number = "+15551234567";
        assertThat(cache.find(PARTNER, number)).isEmpty();

        assertThat(cache.insert(card(number, "Inserted"))).isTrue();
        assertThat(cache.find(PARTNER, number)).contains(card(number, "Inserted"));

        assertThat(cache.replace(card(number, "Replaced"), true)).isTrue();
        assertThat(cache.find(PARTNER, number)).contains(card(number, "Replaced"));

        Boolean replacedInATransaction =
                transactions.execute(status -> cache.replace(card(number, "In a transaction"), true));
        assertThat(replacedInATransaction).isTrue();
        assertThat(cache.find(PARTNER, number)).contains(card(number, "In a transaction"));

        cache.save(card(number, "Saved"));
        assertThat(cache.find(PARTNER, number)).contains(card(number, "Saved"));

        cache.deleteAll();
        assertThat(cache.find(PARTNER, number)).isEmpty();
    }

    @Test
    void aRefusedWriteLeavesTheRememberedCard() {
        String number = "+15551234567";
        cache.save(card(number, "Stored"));
        assertThat(cache.find(PARTNER, number)).contains(card(number, "Stored"));

        assertThat(cache.insert(card(number, "Second insert"))).isFalse();
        assertThat(cache.replace(card(number, "Expected inactive"), false)).isFalse();

        assertThat(cache.find(PARTNER, number)).contains(card(number, "Stored"));
    }

    @Test
    void aWriteNotYetCommittedIsNotSeenAndARolledBackOneNever() throws Exception {
        String number = "+15551234567";
        cache.save(card(number, "Committed"));
        assertThat(cache.find(PARTNER, number)).contains(card(number, "Committed"));

        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> transaction = writer.submit(() -> transactions.executeWithoutResult(status -> {
                cache.replace(card(number, "Rolled back"), true);
                written.countDown();
                await(looked);
                status.setRollbackOnly();
            }));
            await(written);
            int lookupsBefore = databaseLookups.get();
            assertThat(cache.find(PARTNER, number)).contains(card(number, "Committed"));
            assertThat(cache.find(PARTNER, number)).contains(card(number, "Committed"));
            assertThat(databaseLookups.get() - lookupsBefore)
                    .as("while a write is in flight every lookup reads the database")
                    .isEqualTo(2);
            looked.countDown();
            transaction.get(10, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }

        assertThat(cache.find(PARTNER, number)).contains(card(number, "Committed"));
        transactions.executeWithoutResult(status -> cache.replace(card(number, "Then committed"), true));
        assertThat(cache.find(PARTNER, number)).contains(card(number, "Then committed"));
    }

    @Test
    void aWriteThatFailsInsideItsTransactionStillEndsItsFlight() {
        String number = "+15551234567";
        cache.save(card(number, "Stored"));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    cache.replace(card(number, "Then failed"), true);
                    throw new IllegalStateException("the apply step failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(cache.find(PARTNER, number)).contains(card(number, "Stored"));
        int lookupsBefore = databaseLookups.get();
        assertThat(cache.find(PARTNER, number)).contains(card(number, "Stored"));
        assertThat(databaseLookups.get())
                .as("no write is left in flight: the second lookup is answered from memory")
                .isEqualTo(lookupsBefore);
    }

    /**
     * Writers change their own numbers in transactions, each checking that a lookup right after
     * its commit returns what it wrote, while readers look the same numbers up all the time, each
     * lookup that reads the database pausing before it returns to the cache; in the end every
     * number reads as the database holds it.
     */
    @Test
    void lookupsRacingWritesNeverReturnAnOverwrittenCard() throws Exception {
        int writers = 3;
        int readers = 3;
        int numbersPerWriter = 4;
        int writesPerWriter = 1_500;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < writers * numbersPerWriter; i++) {
            String number = "+1555000%04d".formatted(i);
            numbers.add(number);
            database.save(card(number, "Version 0"));
        }
        pauseAfterLookups = true;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> stale = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(writers + readers);
        try {
            List<Future<?>> readersDone = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                int offset = r;
                readersDone.add(threads.submit(() -> {
                    for (int i = offset; writing.get(); i++) {
                        cache.find(PARTNER, numbers.get(i % numbers.size()));
                    }
                }));
            }
            List<Future<?>> writersDone = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                List<String> own = numbers.subList(w * numbersPerWriter, (w + 1) * numbersPerWriter);
                writersDone.add(threads.submit(() -> {
                    for (int version = 1; version <= writesPerWriter; version++) {
                        String number = own.get(version % own.size());
                        ContactCardRecord written = card(number, "Version " + version);
                        transactions.executeWithoutResult(status -> cache.replace(written, true));
                        Optional<ContactCardRecord> read = cache.find(PARTNER, number);
                        if (!read.equals(Optional.of(written))) {
                            synchronized (stale) {
                                stale.add("wrote " + written.firstName() + " of " + number + ", read " + read);
                            }
                        }
                    }
                }));
            }
            for (Future<?> writer : writersDone) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> reader : readersDone) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
            pauseAfterLookups = false;
        }

        assertThat(stale).as("lookups right after a write's commit").isEmpty();
        for (String number : numbers) {
            assertThat(cache.find(PARTNER, number)).isEqualTo(database.find(PARTNER, number));
        }
    }

    @Test
    void holdsAtMostItsCapacity() {
        CachingContactCardRepository small = new CachingContactCardRepository(database, 10);
        for (int i = 0; i < 100; i++) {
            small.find(PARTNER, "+1555000%04d".formatted(i));
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void onlyStorageThatThisProcessAloneWritesIsCached() {
        assertThat(repositoryFor(StorageMode.FILE, 10_000)).isInstanceOf(CachingContactCardRepository.class);
        assertThat(repositoryFor(StorageMode.MEMORY, 10_000)).isInstanceOf(CachingContactCardRepository.class);
        assertThat(repositoryFor(StorageMode.FILE, 0)).isInstanceOf(JdbcContactCardRepository.class);
        assertThat(repositoryFor(StorageMode.POSTGRES, 10_000)).isInstanceOf(JdbcContactCardRepository.class);
    }

    private ContactCardRepository repositoryFor(StorageMode mode, int readCacheSize) {
        ContactCardProperties properties = new ContactCardProperties(
                null,
                "/api/partner",
                new ContactCardProperties.Storage(mode, "./data", null, null, null, readCacheSize),
                new ContactCardProperties.Limits(16, Duration.ofSeconds(10)));
        return new StorageConfiguration()
                .contactCardRepository(
                        properties,
                        JdbcClient.create(dataSource),
                        new JdbcTemplate(dataSource),
                        new DataSourceTransactionManager(dataSource));
    }

    private static ContactCardRecord card(String number, String firstName) {
        return ContactCardRecord.of(PARTNER, number, firstName, null, null, true);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
