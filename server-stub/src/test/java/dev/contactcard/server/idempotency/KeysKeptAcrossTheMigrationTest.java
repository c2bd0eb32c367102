package dev.contactcard.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.card.IdempotentCreates;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moving the keys into their one table (migration V5) keeps every remembered answer: a retry of
 * a create answered before the upgrade is still replayed after it, with the same values, and the
 * claims of creates that were running are dropped.
 */
class KeysKeptAcrossTheMigrationTest {

    private static final String PARTNER = "partner-1";
    private static final String HASH = "a".repeat(64);

    @Test
    void anAnswerRememberedBeforeTheUpgradeIsReplayedAfterIt() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).target("4").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant answeredAt = Instant.now().minusSeconds(3600);
        jdbc.sql("INSERT INTO idempotent_create (partner_id, idempotency_key, request_hash, phone_number, first_name, "
                        + "last_name, image_url, is_active, created_at) VALUES (:partner, 'before-the-upgrade', :hash, "
                        + "'+15551234567', 'Zoë ''O''Brien', NULL, 'https://cdn.test/images/1', FALSE, :at)")
                .param("partner", PARTNER)
                .param("hash", HASH)
                .param("at", OffsetDateTime.ofInstant(answeredAt, ZoneOffset.UTC))
                .update();
        jdbc.sql("INSERT INTO idempotency_claim (partner_id, idempotency_key, request_hash, claimed_at) "
                        + "VALUES (:partner, 'running', :hash, CURRENT_TIMESTAMP)")
                .param("partner", PARTNER)
                .param("hash", HASH)
                .update();

        Flyway.configure().dataSource(dataSource).load().migrate();

        IdempotentCreates keys = new JdbcIdempotentCreates(jdbc, Clock.systemUTC());
        ContactCardRecord replayed = keys.once(PARTNER, "before-the-upgrade", HASH, remember -> {
            throw new AssertionError("a create answered before the upgrade ran again");
        });
        assertThat(replayed)
                .isEqualTo(new ContactCardRecord(
                        PARTNER, "+15551234567", "Zoë 'O'Brien", null, "https://cdn.test/images/1", null, false));
        KeyTable table = new KeyTable(jdbc);
        assertThat(table.rows(PARTNER, "running"))
                .as("the claim of a create running during the upgrade")
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) IN "
                                + "('idempotent_create', 'idempotency_claim')")
                        .query(Long.class)
                        .single())
                .as("the two tables it replaces")
                .isZero();
    }
}
