package dev.contactcard.server.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Event;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Flyway's migration of the storage's database from {@code classpath:db/migration}, run on a
 * thread of its own while the rest of the application context is built, and waited for in the
 * first phase of the context's start, before anything that serves requests (the web server starts
 * in a later phase). Configuring Flyway, opening the database and migrating it (or finding it
 * current) is the largest part of the sandbox's start-up that a bare Spring MVC application does
 * not have; nothing else in the context touches the database before it serves requests, and work
 * that must (dropping abandoned idempotency claims) is a Flyway callback, run on the same thread
 * after the migration.
 *
 * <p>A failed migration fails the start as a synchronous one did: {@link #start()} rethrows it,
 * the context's refresh fails and the port never opens.
 *
 * <p>A database that is already current is not handed to Flyway at all ({@link #current}): when
 * its schema history holds exactly the bundled migrations, each applied successfully with the
 * description and checksum of its bundled script (what Flyway's own validation compares), the
 * migration would do nothing, and Flyway's configuration, class loading and validation are about
 * 7% of the sandbox's start-up. The callbacks then run as they would after Flyway's migration
 * ({@link Event#AFTER_MIGRATE}, without Flyway's context, which none of the sandbox's reads). Any
 * difference (a new bundled migration, an edited or failed one, one the bundle does not have, a
 * baseline) goes to Flyway, which migrates or refuses as always.
 */
final class SchemaMigration implements SmartLifecycle {

    private final CompletableFuture<Void> migration;
    private volatile boolean running;

    /**
     * Starts the migration.
     *
     * @param callbacks Flyway's callbacks: work on the database that must follow the migration
     */
    SchemaMigration(DataSource dataSource, List<Callback> callbacks) {
        migration = CompletableFuture.runAsync(() -> migrate(dataSource, callbacks), task -> {
            Thread thread = new Thread(task, "schema-migration");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static void migrate(DataSource dataSource, List<Callback> callbacks) {
        if (current(dataSource)) {
            for (Callback callback : callbacks) {
                if (callback.supports(Event.AFTER_MIGRATE, null)) {
                    callback.handle(Event.AFTER_MIGRATE, null);
                }
            }
            return;
        }
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .callbacks(callbacks.toArray(Callback[]::new))
                .load()
                .migrate();
    }

    /**
     * Whether the database's schema history ({@code flyway_schema_history}) holds exactly the
     * migrations bundled under {@code db/migration}: the same versions, each applied successfully,
     * with its script's description and checksum, and nothing else but Flyway's markers of the
     * history table or schema it created. {@code false} when the history cannot be read (a new
     * database).
     */
    static boolean current(DataSource dataSource) {
        Map<String, String> bundled = bundledMigrations();
        Map<String, String> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"version\", \"description\", \"type\", \"checksum\", "
                        + "\"success\" FROM \"flyway_schema_history\"")) {
            while (rows.next()) {
                String version = rows.getString(1);
                String type = rows.getString(3);
                if (version == null && ("TABLE".equals(type) || "SCHEMA".equals(type))) {
                    continue;
                }
                if (version == null || !"SQL".equals(type) || !rows.getBoolean(5)) {
                    return false;
                }
                applied.put(version, rows.getString(2) + "|" + rows.getInt(4));
            }
        } catch (SQLException noHistory) {
            return false;
        }
        return applied.equals(bundled);
    }

    /** Version to {@code description|checksum} of every bundled migration, as Flyway records them. */
    static Map<String, String> bundledMigrations() {
        Map<String, String> migrations = new HashMap<>();
        try {
            for (Resource script : new PathMatchingResourcePatternResolver(SchemaMigration.class.getClassLoader())
                    .getResources("classpath*:db/migration/V*__*.sql")) {
                String name = script.getFilename();
                int separator = name.indexOf("__");
                String version = name.substring(1, separator).replace('_', '.');
                String description = name.substring(separator + 2, name.length() - ".sql".length())
                        .replace('_', ' ');
                migrations.put(version, description + "|" + checksum(script));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read the bundled migrations", ex);
        }
        return migrations;
    }

    /**
     * Flyway's checksum of a script: CRC-32 of its lines' UTF-8 bytes, without line breaks or a
     * leading byte-order mark ({@code SchemaMigrationTest} compares it with what Flyway records).
     */
    private static int checksum(Resource script) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    /** Waits for the migration; a failed one fails the application context's start. */
    @Override
    public void start() {
        try {
            migration.join();
        } catch (CompletionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The schema migration failed", cause);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The first phase of the context's start, ahead of every other lifecycle bean. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
