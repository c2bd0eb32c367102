package dev.contactcard.server.storage;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.card.ContactCardRepository;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database behind the repository, chosen by {@code contactcard.storage.mode}: H2 in file mode
 * under {@code contactcard.storage.data-dir} (default), or a private in-memory H2 database. Flyway
 * (Spring Boot's auto-configuration) migrates either one from {@code classpath:db/migration}.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    DataSource dataSource(ContactCardProperties properties) {
        return DataSourceBuilder.create()
                .driverClassName("org.h2.Driver")
                .url(jdbcUrl(properties.storage()))
                .username("sa")
                .password("")
                .build();
    }

    @Bean
    ContactCardRepository contactCardRepository(JdbcClient jdbcClient) {
        return new JdbcContactCardRepository(jdbcClient);
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
            // WRITE_DELAY=0: every commit is written to the file before the statement returns, so
            // an answered write survives a crash of the process (H2's default delays it by 500 ms).
            // DB_CLOSE_ON_EXIT=FALSE: Spring closes the pool (and so the database) on shutdown.
            // LAZY_QUERY_EXECUTION=TRUE: a query's rows are produced as they are read, so listing
            // all cards of a partner streams instead of building the whole result in memory.
            case FILE ->
                "jdbc:h2:file:"
                        + Path.of(storage.dataDir())
                                .toAbsolutePath()
                                .normalize()
                                .resolve("contact-cards")
                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE";
            // A unique name per application context, kept until memoryDatabaseShutdown drops it.
            case MEMORY ->
                "jdbc:h2:mem:contact-cards-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE";
        };
    }
}
