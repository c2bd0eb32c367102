package dev.contactcard.server.card;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static dev.contactcard.server.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.SpecValidatingClient;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A create with an {@code Idempotency-Key} is safe to retry: the same key and values replay the
 * first answer without running the create again; the same key with other values is 422 / 2022.
 */
class IdempotencyKeyTest extends ApiTest {

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

        assertThat(repository.findCreate(PARTNER, KEY, Instant.EPOCH)).get().satisfies(remembered -> {
            assertThat(remembered.phoneNumber()).isEqualTo("+15551234567");
            assertThat(remembered.active()).isTrue();
        });
        assertThat(repository.find(PARTNER, "+15551234567")).isPresent();
    }

    @Test
    void aCreateThatFailsKeepsItsCardInactiveButNotTheKeySoARetryRunsTheSetUpAgain() {
        String body = "{\"first_name\": \"John\", \"phone_number\": \"" + EXPLODING_NUMBER + "\"}";

        assertError(create(KEY, body), 500, 3006);

        assertThat(repository.findCreate(PARTNER, KEY, Instant.EPOCH)).isEmpty();
        assertThat(repository.find(PARTNER, EXPLODING_NUMBER))
                .get()
                .extracting(ContactCardRecord::active)
                .isEqualTo(false);
        assertThat(repository.claimHolder(PARTNER, KEY, liveSince()))
                .as("the failed create's claim on the key")
                .isEmpty();
        assertError(create(KEY, body), 500, 3006); // run again, not replayed
    }

    @Test
    void aKeyOlderThan24HoursIsForgottenSoACreateWithOtherValuesRunsUnderIt() {
        Instant dayAndHourAgo = Instant.now().minus(Duration.ofHours(25));
        assertThat(repository.rememberCreate(
                        new RememberedCreate(
                                PARTNER, KEY, "0".repeat(64), "+15550001111", "Old", null, null, true, dayAndHourAgo),
                        Instant.EPOCH))
                .isTrue();

        Answer created = create(KEY, JOHN);

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("first_name").asString()).isEqualTo("John");
        assertThat(repository.findCreate(PARTNER, KEY, Instant.now().minus(Duration.ofHours(24))))
                .get()
                .extracting(RememberedCreate::phoneNumber)
                .as("the key now answers for the new create")
                .isEqualTo("+15551234567");
        assertError(create(KEY, JOHN.replace("John", "Jane")), 422, 2022);
    }

    @Test
    // a create waiting on a claim that is never released would hang, not fail
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void whileACreateHoldsTheKeyARetryWithOtherValuesIsRefusedAtOnce() {
        assertThat(repository.claim(PARTNER, KEY, "0".repeat(64), Instant.now(), Instant.EPOCH))
                .isTrue();

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
        Instant died = Instant.now().minus(ContactCardService.CLAIM_LEASE).minusSeconds(1);
        assertThat(repository.claim(PARTNER, KEY, fingerprint, died, Instant.EPOCH))
                .isTrue();
        assertThat(repository.claim(PARTNER, KEY, fingerprint, Instant.now(), died.minusSeconds(1)))
                .as("a claim within its lease is not taken over")
                .isFalse();

        Answer retried = create(KEY, JOHN);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(cdn.uploads()).containsExactly("https://example.com/john.jpg");
        assertThat(repository.claimHolder(PARTNER, KEY, liveSince())).isEmpty();
    }

    @Test
    // a create waiting on a claim that is never released would hang, not fail
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void parallelRetriesWithOneKeyAllGetTheOneCard() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> bodies = new ArrayList<>();
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> create(KEY, JOHN)));
            }
            for (Future<Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                bodies.add(answer.get().body());
            }
        } finally {
            pool.shutdownNow();
        }
        // One answer for all, and the create ran once: the first to claim the key in the database
        // (no lock in the process, so that instances can share it) ran it, the others waited for
        // its answer.
        assertThat(bodies).containsOnly(bodies.get(0));
        assertThat(repository.findAll(PARTNER)).hasSize(1);
        assertThat(cdn.uploads()).containsExactly("https://example.com/john.jpg");
        assertThat(repository.claimHolder(PARTNER, KEY, liveSince()))
                .as("the claim, once answered")
                .isEmpty();
    }

    @Test
    void aKeyThatIsNotPrintableAsciiOrTooLongIsABadRequest() {
        assertThat(create("x".repeat(256), JOHN).status()).isEqualTo(400);
        assertThat(create("has space", JOHN).status()).isEqualTo(400);
        assertThat(repository.find(PARTNER, "+15551234567")).isEmpty();
    }

    /** Claims made since then are live (not abandoned): the service's own view. */
    private static Instant liveSince() {
        return Instant.now().minus(ContactCardService.CLAIM_LEASE);
    }
}
