package dev.contactcard.server.storage;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.card.ContactCardRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ContactCardRepository} on a relational database through Spring's {@link JdbcClient}
 * (H2 or PostgreSQL; the schema is migrated by Flyway from {@code db/migration}). Statements take
 * named parameters from the {@link ContactCardRecord} itself, except the lookup by key, the read
 * behind every GET by phone number, which takes positional ones; rows map back by column position.
 * Only portable SQL: the same statements run on both databases.
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

    /** One card by its key: the statement of every GET by phone number, prepared once per call. */
    private static final String FIND_ONE = SELECT + " WHERE partner_id = ? AND phone_number = ?";

    private static final String FIND_ONE_FOR_UPDATE = FIND_ONE + " FOR UPDATE";

    private final JdbcClient jdbc;
    private final JdbcOperations plainJdbc;
    private final TransactionTemplate transactions;
    private final int listingFetchSize;

    /**
     * @param plainJdbc        the same database, for the lookup by key (see {@link #findOne})
     * @param transactions     the listing's read runs in one (PostgreSQL's driver streams a result only
     *                         inside a transaction; otherwise it reads every row first)
     * @param listingFetchSize rows per round trip while a listing streams
     */
    JdbcContactCardRepository(
            JdbcClient jdbc, JdbcOperations plainJdbc, TransactionTemplate transactions, int listingFetchSize) {
        this.jdbc = jdbc;
        this.plainJdbc = plainJdbc;
        this.transactions = transactions;
        this.listingFetchSize = listingFetchSize;
    }

    @Override
    public Optional<ContactCardRecord> find(String partnerId, String phoneNumber) {
        return findOne(FIND_ONE, partnerId, phoneNumber);
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
        return findOne(FIND_ONE_FOR_UPDATE, partnerId, phoneNumber);
    }

    /**
     * The lookup of every GET by phone number, on the connection of the caller's transaction if
     * there is one: one statement with positional parameters, read straight from its result
     * (the named-parameter and row-mapping layers cost more than H2's own lookup).
     */
    private Optional<ContactCardRecord> findOne(String sql, String partnerId, String phoneNumber) {
        return plainJdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, partnerId);
                statement.setString(2, phoneNumber);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(CARD.mapRow(row, 0)) : Optional.<ContactCardRecord>empty();
                }
            }
        });
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
    public void deleteAll() {
        jdbc.sql("DELETE FROM contact_card").update();
    }
}
