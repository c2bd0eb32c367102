package dev.contactcard.server.storage;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.context.SmartLifecycle;

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
        migration = CompletableFuture.runAsync(
                () -> Flyway.configure(SchemaMigration.class.getClassLoader())
                        .dataSource(dataSource)
                        .callbacks(callbacks.toArray(Callback[]::new))
                        .load()
                        .migrate(),
                task -> {
                    Thread thread = new Thread(task, "schema-migration");
                    thread.setDaemon(true);
                    thread.start();
                });
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
