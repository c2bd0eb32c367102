package dev.contactcard.server.idempotency;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.card.IdempotentCreates;
import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link IdempotentCreates} on the table {@code idempotency_key} (migration V5): one row per
 * (partner, key), a claim while its create runs and the create's answer once it stored a card.
 *
 * <p>Exactly once rests on the table's primary key: a create first claims its key with an
 * {@code INSERT} (or, over a claim whose create died or an answer older than 24 hours, with one
 * conditional {@code UPDATE}), and of concurrent claims in any number of processes exactly one
 * succeeds. The answer is written by the create in the same transaction as its card, guarded by
 * the claim it holds, so no crash keeps the one without the other.
 *
 * <p>A create that finds the key claimed by another one with the same values waits for that
 * one's answer by looking again every {@value #POLL_MILLIS} ms, holding no database connection
 * in between. That loop is the design, not a shortcut: waiting on a database lock instead (the
 * holder keeping its claim's {@code INSERT} uncommitted until the card is stored) would hold a
 * pooled connection for every waiting retry and a second one for every running create, whose
 * card is committed on its own before the apply step runs; a burst of creates as large as the pool
 * would then starve it and fail them all. Retries of one key are rare and short, so a look every
 * {@value #POLL_MILLIS} ms costs little; with other values a retry is refused at once, without
 * waiting. A claim whose create died with its process is taken over after {@link #CLAIM_LEASE}.
 */
class JdbcIdempotentCreates implements IdempotentCreates {

    /** How long a create's {@code Idempotency-Key} is kept: 24 hours (the spec). */
    static final Duration KEY_LIFETIME = Duration.ofHours(24);

    /** How long a claimed key's create may run before another create with the key takes it over. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(10);

    /** How often a create waiting for another create with its key looks for that one's answer. */
    static final long POLL_MILLIS = 20;

    private static final OffsetDateTime EPOCH = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);

    /** The row of a key, by column position in this order. */
    private static final String SELECT = "SELECT request_hash, claimed_at, phone_number, first_name, last_name, "
            + "image_url, is_active, answered_at FROM idempotency_key "
            + "WHERE partner_id = :partnerId AND idempotency_key = :key";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcIdempotentCreates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A key's row: the claim of a running create, or the answer of one that stored a card. */
    private record KeyRow(String requestHash, Instant claimedAt, ContactCardRecord answer, Instant answeredAt) {}

    private static RowMapper<KeyRow> rowOf(String partnerId) {
        return (row, i) -> {
            OffsetDateTime answeredAt = row.getObject(8, OffsetDateTime.class);
            return new KeyRow(
                    row.getString(1),
                    row.getObject(2, OffsetDateTime.class).toInstant(),
                    answeredAt == null
                            ? null
                            : new ContactCardRecord(
                                    partnerId,
                                    row.getString(3),
                                    row.getString(4),
                                    row.getString(5),
                                    row.getString(6),
                                    null,
                                    row.getBoolean(7)),
                    answeredAt == null ? null : answeredAt.toInstant());
        };
    }

    @Override
    public ContactCardRecord once(String partnerId, String key, String fingerprint, Create create) {
        while (true) {
            // In microseconds, as both databases store it: the answer is guarded by this very instant.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Optional<KeyRow> row = find(partnerId, key);
            if (row.isPresent() && row.get().answeredAt() != null && !isExpired(row.get(), now)) {
                return replay(row.get(), fingerprint);
            }
            boolean heldByAnother = row.isPresent() && row.get().claimedAt().isAfter(now.minus(CLAIM_LEASE));
            if (!heldByAnother) {
                if (claim(partnerId, key, fingerprint, now)) {
                    return runHolding(partnerId, key, fingerprint, now, create);
                }
                // another create claimed it in between: wait for it as for any holder
            } else if (!row.get().requestHash().equals(fingerprint)) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
            }
            pause();
        }
    }

    private static boolean isExpired(KeyRow row, Instant now) {
        return row.answeredAt().isBefore(now.minus(KEY_LIFETIME));
    }

    private ContactCardRecord runHolding(
            String partnerId, String key, String fingerprint, Instant claimedAt, Create create) {
        try {
            return create.run(answer -> remember(partnerId, key, claimedAt, answer));
        } catch (RuntimeException failed) {
            release(partnerId, key, claimedAt);
            // The key's first create may have outlived its lease and answered meanwhile (a 409
            // here is then its card): answer as that one was answered.
            Optional<KeyRow> first =
                    find(partnerId, key).filter(row -> row.answeredAt() != null && !isExpired(row, claimedAt));
            if (first.isPresent()) {
                return replay(first.get(), fingerprint);
            }
            throw failed;
        }
    }

    private static ContactCardRecord replay(KeyRow first, String fingerprint) {
        if (!first.requestHash().equals(fingerprint)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        return first.answer();
    }

    private Optional<KeyRow> find(String partnerId, String key) {
        return jdbc.sql(SELECT)
                .param("partnerId", partnerId)
                .param("key", key)
                .query(rowOf(partnerId))
                .optional();
    }

    /**
     * Claims the key: a new row, or (one statement, so one of concurrent claims wins) a row whose
     * claim is abandoned and whose answer, if any, has expired.
     */
    private boolean claim(String partnerId, String key, String fingerprint, Instant now) {
        try {
            jdbc.sql("INSERT INTO idempotency_key (partner_id, idempotency_key, request_hash, claimed_at) "
                            + "VALUES (:partnerId, :key, :hash, :now)")
                    .param("partnerId", partnerId)
                    .param("key", key)
                    .param("hash", fingerprint)
                    .param("now", utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException held) {
            return jdbc.sql("UPDATE idempotency_key SET request_hash = :hash, claimed_at = :now, "
                                    + "phone_number = NULL, first_name = NULL, last_name = NULL, image_url = NULL, "
                                    + "is_active = NULL, answered_at = NULL "
                                    + "WHERE partner_id = :partnerId AND idempotency_key = :key "
                                    + "AND claimed_at < :abandonedBefore "
                                    + "AND (answered_at IS NULL OR answered_at < :expiredBefore)")
                            .param("hash", fingerprint)
                            .param("now", utc(now))
                            .param("partnerId", partnerId)
                            .param("key", key)
                            .param("abandonedBefore", utc(now.minus(CLAIM_LEASE)))
                            .param("expiredBefore", utc(now.minus(KEY_LIFETIME)))
                            .update()
                    == 1;
        }
    }

    /** The answer, with the claim made at {@code claimedAt}; {@code false} when it was taken over. */
    private boolean remember(String partnerId, String key, Instant claimedAt, ContactCardRecord answer) {
        return jdbc.sql(
                                "UPDATE idempotency_key SET claimed_at = :epoch, phone_number = :phoneNumber, "
                                        + "first_name = :firstName, last_name = :lastName, image_url = :imageUrl, "
                                        + "is_active = :active, answered_at = :claimedAt "
                                        + "WHERE partner_id = :partnerId AND idempotency_key = :key AND claimed_at = :claimedAt")
                        .param("epoch", EPOCH)
                        .param("phoneNumber", answer.phoneNumber())
                        .param("firstName", answer.firstName())
                        .param("lastName", answer.lastName())
                        .param("imageUrl", answer.imageUrl())
                        .param("active", answer.active())
                        .param("claimedAt", utc(claimedAt))
                        .param("partnerId", partnerId)
                        .param("key", key)
                        .update()
                == 1;
    }

    /**
     * Gives up the claim made at {@code claimedAt} (its create failed), unless another create has
     * taken it over since. The row stays, its claim set back to the epoch: deleting it while other
     * requests read it made H2 fail their reads ("Row not found in primary index", error 90143).
     */
    private void release(String partnerId, String key, Instant claimedAt) {
        jdbc.sql("UPDATE idempotency_key SET claimed_at = :epoch "
                        + "WHERE partner_id = :partnerId AND idempotency_key = :key AND claimed_at = :claimedAt")
                .param("epoch", EPOCH)
                .param("partnerId", partnerId)
                .param("key", key)
                .param("claimedAt", utc(claimedAt))
                .update();
    }

    /**
     * Drops every claim whose create has not answered: at start, when this process owns the
     * database (H2), such a claim belongs to a create that died with the previous process.
     */
    void dropClaimsWithoutAnswer() {
        jdbc.sql("DELETE FROM idempotency_key WHERE answered_at IS NULL").update();
    }

    @Override
    public void forgetAll() {
        jdbc.sql("DELETE FROM idempotency_key").update();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a create with the same key", ex);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
