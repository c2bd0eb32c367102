package dev.contactcard.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider's settings ({@code contactcard.*}); {@code application.properties} maps each to its
 * environment variable, and {@code server-stub/README.md} lists them.
 *
 * @param apiKeys  the API keys, {@code <key>:<partner>:<read-only|read-write>} comma-separated;
 *                 {@code application.properties} reads them from the environment variable
 *                 {@code CONTACT_CARD_API_KEYS} and defaults to the sandbox's development keys
 * @param basePath the path prefix of the API operations ({@code /api/partner}, as the spec's servers)
 * @param storage  where cards are kept
 * @param limits   what one caller may take of the provider
 */
@ConfigurationProperties("contactcard")
public record ContactCardProperties(
        String apiKeys,
        @DefaultValue("/api/partner") String basePath,
        @DefaultValue Storage storage,
        @DefaultValue Limits limits) {

    /**
     * @param mode       {@code file} (default), {@code memory} or {@code postgres}
     * @param dataDir    the directory of the H2 files in file mode, default {@code ./data}
     * @param dbUrl      the JDBC URL of the PostgreSQL database in postgres mode
     *                   ({@code CONTACT_CARD_DB_URL}, else {@code spring.datasource.url})
     * @param dbUser     its user ({@code CONTACT_CARD_DB_USER}, else {@code spring.datasource.username})
     * @param dbPassword its password ({@code CONTACT_CARD_DB_PASSWORD}, else
     *                   {@code spring.datasource.password}); never printed
     * @param readCacheSize file and memory storage: how many numbers' lookups (GET by phone number)
     *                   are answered from memory until a write changes them (default 2,000;
     *                   {@code 0}: every lookup reads the database). Postgres storage has none:
     *                   other instances write its database.
     */
    public record Storage(
            @DefaultValue("file") StorageMode mode,
            @DefaultValue("./data") String dataDir,
            String dbUrl,
            String dbUser,
            String dbPassword,
            @DefaultValue("2000") int readCacheSize) {

        public Storage {
            if (readCacheSize < 0) {
                throw new IllegalArgumentException("contactcard.storage.read-cache-size must be 0 (off) or more");
            }
        }

        /** The database URL without its parameters (which may carry a password), for logs. */
        public String dbUrlForLogs() {
            return dbUrl == null ? null : dbUrl.replaceFirst("[?;].*", "");
        }

        /** Without the password. */
        @Override
        public String toString() {
            return "Storage[mode=" + mode + ", dataDir=" + dataDir + ", dbUrl=" + dbUrlForLogs() + ", dbUser=" + dbUser
                    + ", dbPassword=" + (dbPassword == null || dbPassword.isEmpty() ? "(none)" : "(hidden)")
                    + ", readCacheSize=" + readCacheSize + "]";
        }
    }

    /**
     * @param maxInFlightPerKey the requests one API key may have in flight at once; one more is
     *                          answered 429 / 2020 with {@code Retry-After} (default 16)
     * @param bodyTimeout       how long a request body may take to arrive, counted from the end of
     *                          the headers; a slower one is answered 408 / 2021 (default 10 s)
     */
    public record Limits(
            @DefaultValue("16") int maxInFlightPerKey,
            @DefaultValue("10s") Duration bodyTimeout) {

        public Limits {
            if (maxInFlightPerKey < 1) {
                throw new IllegalArgumentException("contactcard.limits.max-in-flight-per-key must be at least 1");
            }
            if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
                throw new IllegalArgumentException("contactcard.limits.body-timeout must be positive");
            }
        }
    }

    /** Where the provider keeps its cards ({@code contactcard.storage.mode}). */
    public enum StorageMode {
        /** An H2 database in files under {@code contactcard.storage.data-dir}: cards survive a restart. The default. */
        FILE,
        /** A private in-memory H2 database, gone when the application stops: for tests. */
        MEMORY,
        /**
         * A PostgreSQL database ({@code contactcard.storage.db-url}) that any number of sandbox
         * instances share: the database, not the process, keeps every guarantee.
         */
        POSTGRES
    }
}
