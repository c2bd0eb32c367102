package dev.contactcard.server.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code idempotency_key} table as tests see it: keys planted and read straight in SQL. */
public final class KeyTable {

    /** How long a claim holds its key while its create runs. */
    public static final Duration CLAIM_LEASE = JdbcIdempotentCreates.CLAIM_LEASE;

    private final JdbcClient jdbc;

    public KeyTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim made at {@code at}, as a create that is running (or died) leaves it. */
    public void claim(String partnerId, String key, String requestHash, Instant at) {
        jdbc.sql("INSERT INTO idempotency_key (partner_id, idempotency_key, request_hash, claimed_at) "
                        + "VALUES (:partnerId, :key, :hash, :at)")
                .param("partnerId", partnerId)
                .param("key", key)
                .param("hash", requestHash)
                .param("at", utc(at))
                .update();
    }

    /** The answer of a create with the key, given at {@code at}, of a card with these values. */
    public void answer(
            String partnerId, String key, String requestHash, String phoneNumber, String firstName, Instant at) {
        jdbc.sql("INSERT INTO idempotency_key (partner_id, idempotency_key, request_hash, claimed_at, phone_number, "
                        + "first_name, is_active, answered_at) VALUES (:partnerId, :key, :hash, :epoch, :phoneNumber, "
                        + ":firstName, TRUE, :at)")
                .param("partnerId", partnerId)
                .param("key", key)
                .param("hash", requestHash)
                .param("epoch", utc(Instant.EPOCH))
                .param("phoneNumber", phoneNumber)
                .param("firstName", firstName)
                .param("at", utc(at))
                .update();
    }

    /** The phone number of the card the key's create answered with, if it answered. */
    public Optional<String> answeredPhoneNumber(String partnerId, String key) {
        return jdbc.sql("SELECT phone_number FROM idempotency_key "
                        + "WHERE partner_id = :partnerId AND idempotency_key = :key AND answered_at IS NOT NULL")
                .param("partnerId", partnerId)
                .param("key", key)
                .query(String.class)
                .optional();
    }

    /** Whether a create holds the key now: a claim within its lease. */
    public boolean isClaimed(String partnerId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE partner_id = :partnerId "
                                + "AND idempotency_key = :key AND claimed_at > :liveSince")
                        .param("partnerId", partnerId)
                        .param("key", key)
                        .param("liveSince", utc(Instant.now().minus(CLAIM_LEASE)))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Rows of the key, whatever they hold: a claim, an answer or a released claim. */
    public long rows(String partnerId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE partner_id = :partnerId AND idempotency_key = :key")
                .param("partnerId", partnerId)
                .param("key", key)
                .query(Long.class)
                .single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
