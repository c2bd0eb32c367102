package dev.contactcard.server.storage;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.card.ContactCardRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ContactCardRepository} on a relational database through Spring's {@link JdbcClient}
 * (H2 by default; the schema is migrated by Flyway from {@code db/migration}). The primary key
 * (partner_id, phone_number) makes a second insert of a number fail, which {@link #insert}
 * reports as {@code false}.
 */
public class JdbcContactCardRepository implements ContactCardRepository {

    private static final String COLUMNS =
            "partner_id, phone_number, first_name, last_name, image_url, image_source_url, is_active";

    private final JdbcClient jdbc;

    public JdbcContactCardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ContactCardRecord> find(String partnerId, String phoneNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact_card WHERE partner_id = ? AND phone_number = ?")
                .params(partnerId, phoneNumber)
                .query(JdbcContactCardRepository::map)
                .optional();
    }

    @Override
    public List<ContactCardRecord> findAll(String partnerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact_card WHERE partner_id = ? ORDER BY phone_number")
                .param(partnerId)
                .query(JdbcContactCardRepository::map)
                .list();
    }

    @Override
    public boolean insert(ContactCardRecord card) {
        try {
            jdbc.sql("INSERT INTO contact_card (" + COLUMNS + ", created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .params(
                            card.partnerId(),
                            card.phoneNumber(),
                            card.firstName(),
                            card.lastName(),
                            card.imageUrl(),
                            card.imageSourceUrl(),
                            card.active())
                    .update();
            return true;
        } catch (DuplicateKeyException ex) {
            return false;
        }
    }

    @Override
    public boolean replace(ContactCardRecord card, boolean expectedActive) {
        return jdbc.sql("UPDATE contact_card SET first_name = ?, last_name = ?, image_url = ?, "
                                + "image_source_url = ?, is_active = ?, updated_at = CURRENT_TIMESTAMP "
                                + "WHERE partner_id = ? AND phone_number = ? AND is_active = ?")
                        .params(
                                card.firstName(),
                                card.lastName(),
                                card.imageUrl(),
                                card.imageSourceUrl(),
                                card.active(),
                                card.partnerId(),
                                card.phoneNumber(),
                                expectedActive)
                        .update()
                == 1;
    }

    @Override
    public void save(ContactCardRecord card) {
        jdbc.sql("MERGE INTO contact_card (" + COLUMNS + ", created_at, updated_at) KEY (partner_id, phone_number) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(
                        card.partnerId(),
                        card.phoneNumber(),
                        card.firstName(),
                        card.lastName(),
                        card.imageUrl(),
                        card.imageSourceUrl(),
                        card.active())
                .update();
    }

    @Override
    public void deleteAll() {
        jdbc.sql("DELETE FROM contact_card").update();
    }

    private static ContactCardRecord map(ResultSet rs, int row) throws SQLException {
        return new ContactCardRecord(
                rs.getString("partner_id"),
                rs.getString("phone_number"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("image_url"),
                rs.getString("image_source_url"),
                rs.getBoolean("is_active"));
    }
}
