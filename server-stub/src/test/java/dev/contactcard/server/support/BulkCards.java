package dev.contactcard.server.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Puts many cards straight into the database in one statement, for tests of what the provider does
 * with a large partner: one {@code INSERT ... SELECT} over a generated series of numbers
 * ({@code generate_series} on PostgreSQL, {@code SYSTEM_RANGE} on H2; 50,000 cards in well under a
 * second). Card {@code n} has the number {@code +1555} followed by {@code n} in 7 digits, is active,
 * and takes about 200 bytes of JSON in a listing.
 */
public final class BulkCards {

    private BulkCards() {}

    /** Inserts cards 1 to {@code count} of the partner; answers how many rows were written. */
    public static int insert(DataSource database, String partnerId, int count) throws SQLException {
        try (Connection connection = database.getConnection()) {
            String numbers = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                    ? "generate_series(1, ?) AS s(n)"
                    : "(SELECT X AS n FROM SYSTEM_RANGE(1, ?)) AS s";
            String digits = "lpad(CAST(n AS VARCHAR), 7, '0')";
            String image = "'https://cdn.example.com/cards/' || " + digits + " || '.png'";
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO contact_card (partner_id, phone_number, first_name, last_name, image_url, "
                            + "image_source_url, is_active, created_at, updated_at) SELECT ?, '+1555' || "
                            + digits + ", 'Card ' || " + digits + ", 'Lastname-' || " + digits
                            + " || '-of-a-partner-with-many-cards', " + image + ", " + image
                            + ", TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM " + numbers)) {
                insert.setString(1, partnerId);
                insert.setInt(2, count);
                return insert.executeUpdate();
            }
        }
    }
}
