package dev.contactcard.server.storage;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.card.ContactCardRepository;
import dev.contactcard.server.card.RememberedCreate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ContactCardRepository} on a relational database through Spring's {@link JdbcClient}
 * (H2 or PostgreSQL; the schema is migrated by Flyway from {@code db/migration}). Statements take
 * named parameters from the {@link ContactCardRecord} itself, and rows map back to it by column
 * name. Only portable SQL: the same statements run on both databases.
 *
 * <p>Every guarantee is the database's, so that any number of processes can share it: the primary
 * key (partner_id, phone_number) makes a second insert of a number fail ({@link #insert} answers
 * {@code false}); {@link #replace} is a compare-and-set on the activation state in one
 * {@code UPDATE}; {@link #findForUpdate} locks the row until the caller's transaction ends.
 */
class JdbcContactCardRepository implements ContactCardRepository {

    /** The card's columns, in the order {@link #CARD} reads them. */
    private static final String SELECT = "SELECT partner_id, phone_number, first_name, last_name, image_url, "
            + "image_source_url, is_active FROM contact_card";

    private static final String VALUES = "(partner_id, phone_number, first_name, last_name, image_url, "
            + "image_source_url, is_active, created_at, updated_at) VALUES (:partnerId, :phoneNumber, :firstName, "
            + ":lastName, :imageUrl, :imageSourceUrl, :active, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";

    /**
     * Row to record by column position, in {@link #SELECT}'s order. Not Spring's record mapper: it
     * looks every component up under several column names and pays an {@code SQLException} for each
     * miss, which H2 in file mode writes with its stack trace to {@code contact-cards.trace.db}
     * (about 30 KB of disk and most of a read's time per card; {@code ReadsRaiseNoDriverErrorTest}),
     * and which made a listing of 50,000 cards take seconds.
     */
    private static final RowMapper<ContactCardRecord> CARD = (row, i) -> new ContactCardRecord(
            row.getString(1),
            row.getString(2),
            row.getString(3),
            row.getString(4),
            row.getString(5),
            row.getString(6),
            row.getBoolean(7));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int listingFetchSize;

    /**
     * @param transactions     the listing's read runs in one (PostgreSQL's driver streams a result only
     *                         inside a transaction; otherwise it reads every row first)
     * @param listingFetchSize rows per round trip while a listing streams
     */
    JdbcContactCardRepository(JdbcClient jdbc, TransactionTemplate transactions, int listingFetchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.listingFetchSize = listingFetchSize;
    }

    @Override
    public Optional<ContactCardRecord> find(String partnerId, String phoneNumber) {
        return findOne(partnerId, phoneNumber, "");
    }

    @Override
    public List<ContactCardRecord> findAll(String partnerId) {
        return jdbc.sql(SELECT + " WHERE partner_id = :partnerId ORDER BY phone_number")
                .param("partnerId", partnerId)
                .query(CARD)
                .list();
    }

    @Override
    public Optional<ContactCardRecord> findForUpdate(String partnerId, String phoneNumber) {
        return findOne(partnerId, phoneNumber, " FOR UPDATE");
    }

    private Optional<ContactCardRecord> findOne(String partnerId, String phoneNumber, String lock) {
        return jdbc.sql(SELECT + " WHERE partner_id = :partnerId AND phone_number = :phoneNumber" + lock)
                .param("partnerId", partnerId)
                .param("phoneNumber", phoneNumber)
                .query(CARD)
                .optional();
    }

    /**
     * A streamed query in a read-only transaction, {@value StorageConfiguration#LISTING_FETCH_SIZE}
     * rows per round trip: rows are mapped as they are read. PostgreSQL's driver keeps only one
     * fetch in memory when it reads inside a transaction with a fetch size; H2 produces rows as they
     * are read with {@code LAZY_QUERY_EXECUTION} in its URL. The primary key's index gives the order.
     */
    @Override
    public void forEach(String partnerId, Consumer<ContactCardRecord> action) {
        transactions.executeWithoutResult(status -> {
            try (Stream<ContactCardRecord> cards = jdbc
                    .sql(SELECT + " WHERE partner_id = :partnerId ORDER BY phone_number")
                    .withFetchSize(listingFetchSize)
                    .param("partnerId", partnerId)
                    .query(CARD)
                    .stream()) {
                cards.forEach(action);
            }
        });
    }

    @Override
    public boolean insert(ContactCardRecord card) {
        try {
            jdbc.sql("INSERT INTO contact_card " + VALUES).paramSource(card).update();
            return true;
        } catch (DuplicateKeyException ex) {
            return false;
        }
    }

    @Override
    public boolean replace(ContactCardRecord card, boolean expectedActive) {
        return jdbc.sql(
                                "UPDATE contact_card SET first_name = :firstName, last_name = :lastName, image_url = :imageUrl, "
                                        + "image_source_url = :imageSourceUrl, is_active = :active, "
                                        + "updated_at = CURRENT_TIMESTAMP "
                                        + "WHERE partner_id = :partnerId AND phone_number = :phoneNumber "
                                        + "AND is_active = :expectedActive")
                        .param("firstName", card.firstName())
                        .param("lastName", card.lastName())
                        .param("imageUrl", card.imageUrl())
                        .param("imageSourceUrl", card.imageSourceUrl())
                        .param("active", card.active())
                        .param("partnerId", card.partnerId())
                        .param("phoneNumber", card.phoneNumber())
                        .param("expectedActive", expectedActive)
                        .update()
                == 1;
    }

    /** Update, else insert, else (inserted meanwhile) update: portable, no vendor upsert. */
    @Override
    public void save(ContactCardRecord card) {
        if (overwrite(card) == 0 && !insert(card)) {
            overwrite(card);
        }
    }

    private int overwrite(ContactCardRecord card) {
        return jdbc.sql(
                        "UPDATE contact_card SET first_name = :firstName, last_name = :lastName, image_url = :imageUrl, "
                                + "image_source_url = :imageSourceUrl, is_active = :active, updated_at = CURRENT_TIMESTAMP "
                                + "WHERE partner_id = :partnerId AND phone_number = :phoneNumber")
                .paramSource(card)
                .update();
    }

    @Override
    public Optional<RememberedCreate> findCreate(String partnerId, String idempotencyKey, Instant notBefore) {
        return jdbc.sql("SELECT partner_id, idempotency_key, request_hash, phone_number, first_name, last_name, "
                        + "image_url, is_active AS active, created_at FROM idempotent_create "
                        + "WHERE partner_id = :partnerId AND idempotency_key = :key AND created_at >= :notBefore")
                .param("partnerId", partnerId)
                .param("key", idempotencyKey)
                .param("notBefore", OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC))
                .query((row, i) -> new RememberedCreate(
                        row.getString("partner_id"),
                        row.getString("idempotency_key"),
                        row.getString("request_hash"),
                        row.getString("phone_number"),
                        row.getString("first_name"),
                        row.getString("last_name"),
                        row.getString("image_url"),
                        row.getBoolean("active"),
                        row.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    public boolean rememberCreate(RememberedCreate create, Instant expiredBefore) {
        // An expired create of the key is overwritten in place, not deleted and inserted again: H2
        // fails a concurrent read that meets a row deleted meanwhile (error 90143).
        int replaced = jdbc.sql("UPDATE idempotent_create SET request_hash = :hash, phone_number = :phoneNumber, "
                        + "first_name = :firstName, last_name = :lastName, image_url = :imageUrl, is_active = :active, "
                        + "created_at = :createdAt "
                        + "WHERE partner_id = :partnerId AND idempotency_key = :key AND created_at < :expiredBefore")
                .params(rememberedParameters(create))
                .param("expiredBefore", OffsetDateTime.ofInstant(expiredBefore, ZoneOffset.UTC))
                .update();
        if (replaced == 1) {
            return true;
        }
        try {
            jdbc.sql("INSERT INTO idempotent_create (partner_id, idempotency_key, request_hash, phone_number, "
                            + "first_name, last_name, image_url, is_active, created_at) VALUES (:partnerId, :key, "
                            + ":hash, :phoneNumber, :firstName, :lastName, :imageUrl, :active, :createdAt)")
                    .params(rememberedParameters(create))
                    .update();
            return true;
        } catch (DuplicateKeyException ex) {
            return false;
        }
    }

    private static Map<String, Object> rememberedParameters(RememberedCreate create) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("partnerId", create.partnerId());
        parameters.put("key", create.idempotencyKey());
        parameters.put("hash", create.requestHash());
        parameters.put("phoneNumber", create.phoneNumber());
        parameters.put("firstName", create.firstName());
        parameters.put("lastName", create.lastName());
        parameters.put("imageUrl", create.imageUrl());
        parameters.put("active", create.active());
        parameters.put("createdAt", OffsetDateTime.ofInstant(create.createdAt(), ZoneOffset.UTC));
        return parameters;
    }

    @Override
    public boolean claim(
            String partnerId, String idempotencyKey, String requestHash, Instant now, Instant abandonedBefore) {
        try {
            jdbc.sql("INSERT INTO idempotency_claim (partner_id, idempotency_key, request_hash, claimed_at) "
                            + "VALUES (:partnerId, :key, :hash, :now)")
                    .param("partnerId", partnerId)
                    .param("key", idempotencyKey)
                    .param("hash", requestHash)
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException held) {
            // Taken over only when abandoned; of two that try at once, the row's update lets one in.
            return jdbc.sql("UPDATE idempotency_claim SET request_hash = :hash, claimed_at = :now "
                                    + "WHERE partner_id = :partnerId AND idempotency_key = :key "
                                    + "AND claimed_at < :abandonedBefore")
                            .param("hash", requestHash)
                            .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                            .param("partnerId", partnerId)
                            .param("key", idempotencyKey)
                            .param("abandonedBefore", OffsetDateTime.ofInstant(abandonedBefore, ZoneOffset.UTC))
                            .update()
                    == 1;
        }
    }

    @Override
    public Optional<String> claimHolder(String partnerId, String idempotencyKey, Instant abandonedBefore) {
        return jdbc.sql("SELECT request_hash FROM idempotency_claim "
                        + "WHERE partner_id = :partnerId AND idempotency_key = :key AND claimed_at >= :abandonedBefore")
                .param("partnerId", partnerId)
                .param("key", idempotencyKey)
                .param("abandonedBefore", OffsetDateTime.ofInstant(abandonedBefore, ZoneOffset.UTC))
                .query(String.class)
                .optional();
    }

    @Override
    public void releaseClaim(String partnerId, String idempotencyKey, Instant claimedAt) {
        // Abandoned, as if claimed at the epoch: claimHolder no longer sees it, and claim takes it over.
        jdbc.sql("UPDATE idempotency_claim SET claimed_at = :abandoned "
                        + "WHERE partner_id = :partnerId AND idempotency_key = :key AND claimed_at = :claimedAt")
                .param("abandoned", OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC))
                .param("partnerId", partnerId)
                .param("key", idempotencyKey)
                .param("claimedAt", OffsetDateTime.ofInstant(claimedAt, ZoneOffset.UTC))
                .update();
    }

    @Override
    public void deleteAll() {
        jdbc.sql("DELETE FROM idempotency_claim").update();
        jdbc.sql("DELETE FROM idempotent_create").update();
        jdbc.sql("DELETE FROM contact_card").update();
    }
}
