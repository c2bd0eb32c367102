package dev.contactcard.server.card;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static dev.contactcard.server.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.idempotency.KeyTable;
import dev.contactcard.server.support.AllAtOnce;
import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.SpecValidatingClient;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A create with an {@code Idempotency-Key} is safe to retry: the same key and values replay the
 * first answer without running the create again; the same key with other values is 422 / 2022.
 */
class IdempotencyKeyTest extends ApiTest {

    private final KeyTable keys = new KeyTable(bean(JdbcClient.class));

    private static final String KEY = "6f1c2b7e-3a4d-4e5f-9a8b-7c6d5e4f3a2b";
    private static final String JOHN = """
            {"first_name": "John", "last_name": "Doe", "phone_number": "+15551234567",
             "image_url": "https://example.com/john.jpg"}""";

    private Answer create(String key, String json) {
        Map<String, String> headers = SpecValidatingClient.headers(READ_WRITE, "application/json");
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return api.send("POST", "/api/partner/v3/contact_card", json, headers);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndDoesNotRunTheCreateAgain() {
        Answer first = create(KEY, JOHN);
        Answer retry = create(KEY, JOHN);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(cdn.uploads()).containsExactly("https://example.com/john.jpg");
    }

    @Test
    void theSameValuesInAnotherOrderAndSpacingAreTheSameBody() {
        create(KEY, JOHN);

        Answer retry = create(KEY, """
                {"image_url":"https://example.com/john.jpg","phone_number":"+15551234567",
                 "last_name":"Doe","first_name":"John"}""");

        assertThat(retry.status()).isEqualTo(200);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        create(KEY, JOHN);

        Answer other = create(KEY, JOHN.replace("Doe", "Smith"));

        assertError(other, 422, 2022);
        assertThat(repository.find(PARTNER, "+15551234567"))
                .get()
                .extracting(ContactCardRecord::lastName)
                .isEqualTo("Doe");
    }

    @Test
    void withoutAKeyASecondCreateIsStillAConflict() {
        create(null, JOHN);

        assertError(create(null, JOHN), 409, 2014);
    }

    @Test
    void anotherKeyForTheSameCardIsAConflict() {
        create(KEY, JOHN);

        assertError(create("another-key", JOHN), 409, 2014);
    }

    @Test
    void theKeyIsStoredInTheDatabaseWithTheCard() {
        create(KEY, JOHN);

        assertThat(keys.answeredPhoneNumber(PARTNER, KEY)).contains("+15551234567");
        assertThat(repository.find(PARTNER, "+15551234567"))
                .get()
                .extracting(ContactCardRecord::active)
                .isEqualTo(true);
        assertThat(keys.isClaimed(PARTNER, KEY)).as("the claim, once answered").isFalse();
    }

    @Test
    void aCreateThatFailsKeepsItsCardInactiveButNotTheKeySoARetryRunsTheSetUpAgain() {
        String body = "{\"first_name\": \"John\", \"phone_number\": \"" + EXPLODING_NUMBER + "\"}";

        assertError(create(KEY, body), 500, 3006);

        assertThat(keys.answeredPhoneNumber(PARTNER, KEY)).isEmpty();
        assertThat(repository.find(PARTNER, EXPLODING_NUMBER))
                .get()
                .extracting(ContactCardRecord::active)
                .isEqualTo(false);
        assertThat(keys.isClaimed(PARTNER, KEY))
                .as("the failed create's claim on the key")
                .isFalse();
        assertError(create(KEY, body), 500, 3006); // run again, not replayed
    }

    @Test
    void aKeyOlderThan24HoursIsForgottenSoACreateWithOtherValuesRunsUnderIt() {
        Instant dayAndHourAgo = Instant.now().minus(Duration.ofHours(25));
        keys.answer(PARTNER, KEY, "0".repeat(64), "+15550001111", "Old", dayAndHourAgo);

        Answer created = create(KEY, JOHN);

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("first_name").asString()).isEqualTo("John");
        assertThat(keys.answeredPhoneNumber(PARTNER, KEY))
                .as("the key now answers for the new create")
                .contains("+15551234567");
        assertThat(keys.rows(PARTNER, KEY))
                .as("the expired answer overwritten in place")
                .isEqualTo(1);
        assertError(create(KEY, JOHN.replace("John", "Jane")), 422, 2022);
    }

    @Test
    // a create waiting on a claim that is never released would hang, not fail
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void whileACreateHoldsTheKeyARetryWithOtherValuesIsRefusedAtOnce() {
        keys.claim(PARTNER, KEY, "0".repeat(64), Instant.now());

        assertError(create(KEY, JOHN), 422, 2022);
        assertThat(cdn.uploads()).isEmpty();
    }

    @Test
    // a create waiting on a claim that is never released would hang, not fail
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aClaimWhoseCreateDiedWithItsProcessIsTakenOverAfterTheLease() {
        String fingerprint = new ContactCardService.CreateCommand(
                        "+15551234567", "John", "Doe", "https://example.com/john.jpg")
                .fingerprint();
        Instant died = Instant.now().minus(KeyTable.CLAIM_LEASE).minusSeconds(1);
        keys.claim(PARTNER, KEY, fingerprint, died);
        assertThat(keys.isClaimed(PARTNER, KEY)).as("a claim past its lease").isFalse();

        Answer retried = create(KEY, JOHN);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(cdn.uploads()).containsExactly("https://example.com/john.jpg");
        assertThat(keys.answeredPhoneNumber(PARTNER, KEY)).contains("+15551234567");
        assertThat(keys.isClaimed(PARTNER, KEY)).isFalse();
    }

    @Test
    // a create waiting on a claim that is never released would hang, not fail
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void parallelRetriesWithOneKeyAllGetTheOneCard() throws Exception {
        // As many at once as one API key may have in flight (contactcard.limits.max-in-flight-per-key).
        List<String> bodies = AllAtOnce.run(16, () -> {
            Answer answer = create(KEY, JOHN);
            assertThat(answer.status()).isEqualTo(200);
            return answer.body();
        });
        // One answer for all, and the create ran once: the first to claim the key in the database
        // (no lock in the process, so that instances can share it) ran it, the others waited for
        // its answer.
        assertThat(bodies).containsOnly(bodies.get(0));
        assertThat(repository.findAll(PARTNER)).hasSize(1);
        assertThat(cdn.uploads()).containsExactly("https://example.com/john.jpg");
        assertThat(keys.isClaimed(PARTNER, KEY)).as("the claim, once answered").isFalse();
    }

    @Test
    void aKeyThatIsNotPrintableAsciiOrTooLongIsABadRequest() {
        assertThat(create("x".repeat(256), JOHN).status()).isEqualTo(400);
        assertThat(create("has space", JOHN).status()).isEqualTo(400);
        assertThat(repository.find(PARTNER, "+15551234567")).isEmpty();
    }
}
