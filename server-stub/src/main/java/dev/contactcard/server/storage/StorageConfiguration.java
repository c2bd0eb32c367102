package dev.contactcard.server.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.card.ContactCardRepository;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database behind the repository, chosen by {@code contactcard.storage.mode}: H2 in file mode
 * under {@code contactcard.storage.data-dir} (default), a private in-memory H2 database, or a
 * PostgreSQL database that several sandbox instances share. Flyway migrates each one from
 * {@code classpath:db/migration}, the same portable SQL for all of them, beside the rest of the
 * start-up ({@link SchemaMigration}). The connection pool is HikariCP, sized with Spring's
 * {@code spring.datasource.hikari.*} settings ({@code SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE}).
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    /** Rows fetched per round trip while all cards of a partner are streamed. */
    static final int LISTING_FETCH_SIZE = 500;

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(ContactCardProperties properties) {
        ContactCardProperties.Storage storage = properties.storage();
        DataSourceBuilder<HikariDataSource> builder = DataSourceBuilder.create().type(HikariDataSource.class);
        if (storage.mode() == ContactCardProperties.StorageMode.POSTGRES) {
            return builder.driverClassName("org.postgresql.Driver")
                    .url(postgresUrl(storage))
                    .username(storage.dbUser())
                    .password(storage.dbPassword())
                    .build();
        }
        return builder.driverClassName("org.h2.Driver")
                .url(jdbcUrl(storage))
                .username("sa")
                .password("")
                .build();
    }

    /**
     * File storage's transactions return once their commit is written to the H2 file, sharing one
     * write with the commits that end at the same time. Spring Boot's transaction manager serves
     * the other modes.
     */
    @Bean
    @ConditionalOnProperty(name = "contactcard.storage.mode", havingValue = "file")
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new GroupCommitTransactionManager(dataSource);
    }

    /** Flyway's migration on a thread of its own, waited for before the web server starts. */
    @Bean
    SchemaMigration schemaMigration(DataSource dataSource, ObjectProvider<Callback> callbacks) {
        return new SchemaMigration(dataSource, callbacks.orderedStream().toList());
    }

    /**
     * The cards in the database; in file and memory storage, whose database only this process
     * writes, with lookups by number answered from memory until a write changes them
     * ({@link CachingContactCardRepository}, {@code contactcard.storage.read-cache-size} numbers).
     */
    @Bean
    ContactCardRepository contactCardRepository(
            ContactCardProperties properties,
            JdbcClient jdbcClient,
            JdbcOperations jdbcOperations,
            PlatformTransactionManager transactions) {
        TransactionTemplate listing = new TransactionTemplate(transactions);
        listing.setReadOnly(true);
        ContactCardRepository database =
                new JdbcContactCardRepository(jdbcClient, jdbcOperations, listing, LISTING_FETCH_SIZE);
        ContactCardProperties.Storage storage = properties.storage();
        if (storage.mode() == ContactCardProperties.StorageMode.POSTGRES || storage.readCacheSize() == 0) {
            return database;
        }
        return new CachingContactCardRepository(database, storage.readCacheSize());
    }

    /** The PostgreSQL URL of postgres mode, refused with what to set when it is missing or not PostgreSQL's. */
    static String postgresUrl(ContactCardProperties.Storage storage) {
        String url = storage.dbUrl();
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("CONTACT_CARD_STORAGE=postgres needs the database: set CONTACT_CARD_DB_URL "
                    + "(jdbc:postgresql://<host>:5432/<database>), CONTACT_CARD_DB_USER and CONTACT_CARD_DB_PASSWORD "
                    + "(or spring.datasource.url, .username and .password)");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("CONTACT_CARD_STORAGE=postgres needs a PostgreSQL JDBC URL "
                    + "(jdbc:postgresql://<host>:5432/<database>), not " + storage.dbUrlForLogs());
        }
        return url;
    }

    /** Drops the in-memory database when the application context closes. */
    @Bean
    @ConditionalOnProperty(name = "contactcard.storage.mode", havingValue = "memory")
    DisposableBean memoryDatabaseShutdown(JdbcClient jdbcClient) {
        return () -> jdbcClient.sql("SHUTDOWN").update();
    }

    /** The JDBC URL for a storage configuration. */
    static String jdbcUrl(ContactCardProperties.Storage storage) {
        return switch (storage.mode()) {
            case POSTGRES -> postgresUrl(storage);
            // WRITE_DELAY=500 (H2's default, named): H2 writes the file at most 500 ms after a
            // commit by itself; a transaction of the sandbox waits for a write before it returns
            // (GroupCommitTransactionManager), so an answered write survives a crash of the process.
            // DB_CLOSE_ON_EXIT=FALSE: Spring closes the pool (and so the database) on shutdown.
            // LAZY_QUERY_EXECUTION=TRUE: a query's rows are produced as they are read, so listing
            // all cards of a partner streams instead of building the whole result in memory.
            case FILE ->
                "jdbc:h2:file:"
                        + Path.of(storage.dataDir())
                                .toAbsolutePath()
                                .normalize()
                                .resolve("contact-cards")
                        + ";WRITE_DELAY=500;DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE";
            // A unique name per application context, kept until memoryDatabaseShutdown drops it.
            case MEMORY ->
                "jdbc:h2:mem:contact-cards-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE";
        };
    }
}
