package dev.contactcard.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.ContactCardProperties.StorageMode;
import dev.contactcard.server.support.ReferenceProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema is migrated beside the rest of the start-up, and the start still waits for it: a
 * migration that fails fails the start with Flyway's error, so no provider is returned to serve
 * requests (the failure could not reach the start if it did not wait for the migration's end).
 * Every other test that starts the sandbox starts it on a migrated database. A database already
 * current is not handed to Flyway: what counts as current is pinned here against what Flyway
 * itself records.
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

    @Test
    void aDatabaseFlywayJustMigratedIsCurrentWithTheChecksumsFlywayRecorded() throws SQLException {
        JdbcDataSource database = newDatabase();
        assertThat(SchemaMigration.current(database)).as("a new database").isFalse();

        Flyway flyway = Flyway.configure().dataSource(database).load();
        flyway.migrate();

        assertThat(SchemaMigration.current(database)).isTrue();
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(SchemaMigration.bundledMigrations()).hasSameSizeAs(applied);
        for (MigrationInfo migration : applied) {
            assertThat(SchemaMigration.bundledMigrations())
                    .containsEntry(
                            migration.getVersion().getVersion(),
                            migration.getDescription() + "|" + migration.getChecksum());
        }
    }

    @Test
    void aHistoryThatDiffersInAnyWayIsLeftToFlyway() throws SQLException {
        String[] differences = {
            // a migration edited after it was applied
            "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '3'",
            "UPDATE \"flyway_schema_history\" SET \"description\" = 'renamed' WHERE \"version\" = '2'",
            // the newest bundled migration not applied yet, or failed
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '5'",
            "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '5'",
            // a migration of a newer sandbox, which this one does not bundle
            "INSERT INTO \"flyway_schema_history\" SELECT 99, '99', 'newer', 'SQL', 'V99__newer.sql', 1, "
                    + "\"installed_by\", \"installed_on\", 0, TRUE FROM \"flyway_schema_history\" WHERE \"version\" = '1'",
        };
        for (String difference : differences) {
            JdbcDataSource database = newDatabase();
            Flyway.configure().dataSource(database).load().migrate();
            try (Connection connection = database.getConnection()) {
                assertThat(connection.createStatement().executeUpdate(difference))
                        .as(difference)
                        .isEqualTo(1);
            }

            assertThat(SchemaMigration.current(database)).as(difference).isFalse();
        }
    }

    /**
     * Flyway hands its callbacks a context; the start that found the schema current calls them
     * itself, without one: which of the two ran shows whether Flyway was skipped.
     */
    @Test
    void aNewDatabaseIsMigratedByFlywayAndACurrentOneIsNotHandedToItYetTheCallbacksRun() {
        JdbcDataSource database = newDatabase();
        List<String> afterMigrate = new ArrayList<>();
        BaseCallback recording = new BaseCallback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE;
            }

            @Override
            public void handle(Event event, Context context) {
                afterMigrate.add(context == null ? "without Flyway" : "by Flyway");
            }
        };

        new SchemaMigration(database, List.of(recording)).start();
        assertThat(SchemaMigration.current(database)).isTrue();
        new SchemaMigration(database, List.of(recording)).start();

        assertThat(afterMigrate).containsExactly("by Flyway", "without Flyway");
    }

    private static JdbcDataSource newDatabase() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        return database;
    }
}
