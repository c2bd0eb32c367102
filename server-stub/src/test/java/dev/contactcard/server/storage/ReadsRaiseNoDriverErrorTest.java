package dev.contactcard.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.ContactCardProperties.StorageMode;
import dev.contactcard.server.card.ContactCardRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading cards raises no error inside the driver: H2 in file mode writes every driver error,
 * with its stack trace, to {@code contact-cards.trace.db}, so a read that raised one (a row
 * mapper probing for a column name that is not there) would grow that file by kilobytes per card
 * read and spend most of its time doing so.
 */
class ReadsRaiseNoDriverErrorTest {

    @TempDir
    Path dataDir;

    @Test
    void findingAndListingCardsWritesNoErrorTrace() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(StorageConfiguration.jdbcUrl(
                new ContactCardProperties.Storage(StorageMode.FILE, dataDir.toString(), null, null, null, 0)));
        dataSource.setUser("sa");
        // Held open as the sandbox's connection pool does: without it the database closes with the
        // last connection after each step, and H2 logs that close in the trace file too.
        try (Connection keepsTheDatabaseOpen = dataSource.getConnection()) {
            Flyway.configure().dataSource(dataSource).load().migrate();
            JdbcContactCardRepository repository = new JdbcContactCardRepository(
                    JdbcClient.create(dataSource),
                    new JdbcTemplate(dataSource),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                    StorageConfiguration.LISTING_FETCH_SIZE);
            repository.save(ContactCardRecord.of("sandbox", "+15551234567", "John", "Doe", null, true));

            assertThat(repository.find("sandbox", "+15551234567"))
                    .hasValueSatisfying(card -> assertThat(card.lastName()).isEqualTo("Doe"));
            assertThat(repository.findAll("sandbox")).hasSize(1);
            List<ContactCardRecord> streamed = new ArrayList<>();
            repository.forEach("sandbox", streamed::add);
            assertThat(streamed).hasSize(1);

            Path trace = dataDir.resolve("contact-cards.trace.db");
            assertThat(trace).as(() -> "H2 wrote errors: " + read(trace)).doesNotExist();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
