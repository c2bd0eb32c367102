package dev.contactcard.server.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.ContactCardProperties.StorageMode;
import dev.contactcard.server.support.ReferenceProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema is migrated beside the rest of the start-up, and the start still waits for it: a
 * migration that fails fails the start with Flyway's error, so no provider is returned to serve
 * requests (the failure could not reach the start if it did not wait for the migration's end).
 * Every other test that starts the sandbox starts it on a migrated database.
 */
class SchemaMigrationTest {

    @TempDir
    Path dataDir;

    @Test
    void aMigrationThatFailsFailsTheStart() throws SQLException {
        // A database that has a table but no migration history: Flyway refuses to migrate it.
        JdbcDataSource foreign = new JdbcDataSource();
        foreign.setURL(StorageConfiguration.jdbcUrl(
                new ContactCardProperties.Storage(StorageMode.FILE, dataDir.toString(), null, null, null, 0)));
        foreign.setUser("sa");
        try (Connection connection = foreign.getConnection()) {
            connection.createStatement().execute("CREATE TABLE someone_elses (id INT PRIMARY KEY)");
        }

        assertThatThrownBy(() -> ReferenceProvider.onLoopback()
                        .fileStorage(dataDir)
                        // The failed start is the expected outcome: Spring's and Tomcat's reports
                        // of it (stack traces for operators) would only be noise in the build.
                        .with("logging.level.org.springframework.boot.SpringApplication", "off")
                        .with("logging.level.org.springframework.boot.web.server.servlet.context", "off")
                        .with("logging.level.org.apache.catalina.loader", "off")
                        .start()
                        .close())
                .hasRootCauseInstanceOf(FlywayException.class)
                .rootCause()
                .hasMessageContaining("non-empty schema");
    }
}
