package dev.contactcard.server.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Puts many cards straight into the database in one transaction, for tests of what the provider
 * does with a large partner: on PostgreSQL in one {@code INSERT ... SELECT} over
 * {@code generate_series} (50,000 in well under a second), elsewhere in one JDBC batch. Card {@code n} has
 * the number {@code +1555} followed by {@code n} in 7 digits, is active, and takes about 200 bytes
 * of JSON in a listing.
 */
public final class BulkCards {

    private BulkCards() {}

    /** Inserts cards 1 to {@code count} of the partner; answers how many rows were written. */
    public static int insert(DataSource database, String partnerId, int count) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = database.getConnection()) {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                return insertOnPostgres(connection, partnerId, count);
            }
            connection.setAutoCommit(false);
            int written = 0;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO contact_card (partner_id, phone_number, first_name, last_name, image_url, "
                            + "image_source_url, is_active, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)")) {
                for (int n = 1; n <= count; n++) {
                    String digits = "%07d".formatted(n);
                    String image = "https://cdn.example.com/cards/" + digits + ".png";
                    insert.setString(1, partnerId);
                    insert.setString(2, "+1555" + digits);
                    insert.setString(3, "Card " + digits);
                    insert.setString(4, "Lastname-" + digits + "-of-a-partner-with-many-cards");
                    insert.setString(5, image);
                    insert.setString(6, image);
                    insert.setTimestamp(7, now);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                    if (n % 5_000 == 0 || n == count) {
                        for (int rows : insert.executeBatch()) {
                            written += rows == PreparedStatement.SUCCESS_NO_INFO ? 1 : rows;
                        }
                    }
                }
            }
            connection.commit();
            return written;
        }
    }

    private static int insertOnPostgres(Connection connection, String partnerId, int count) throws SQLException {
        String digits = "lpad(n::text, 7, '0')";
        String image = "'https://cdn.example.com/cards/' || " + digits + " || '.png'";
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contact_card (partner_id, phone_number, first_name, last_name, image_url, "
                        + "image_source_url, is_active, created_at, updated_at) SELECT ?, '+1555' || " + digits
                        + ", 'Card ' || " + digits + ", 'Lastname-' || " + digits
                        + " || '-of-a-partner-with-many-cards', " + image + ", " + image
                        + ", TRUE, now(), now() FROM generate_series(1, ?) AS n")) {
            insert.setString(1, partnerId);
            insert.setInt(2, count);
            return insert.executeUpdate();
        }
    }
}
