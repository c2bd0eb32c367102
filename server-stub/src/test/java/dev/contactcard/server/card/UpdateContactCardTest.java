package dev.contactcard.server.card;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_ONLY;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static dev.contactcard.server.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.AllAtOnce;
import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.SpecValidatingClient;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateContactCardTest extends ApiTest {

    private static final String NUMBER = "+15551234567";
    private static final String IMAGE = "https://cdn.test/original.jpg";

    @BeforeEach
    void anActiveCardExists() {
        repository.save(ContactCardRecord.of(PARTNER, NUMBER, "John", "Doe", IMAGE, true));
    }

    @Test
    void onlyTheFieldsPresentInTheBodyChange() {
        Answer answer = api.update(READ_WRITE, NUMBER, """
                {"last_name": "Smith"}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("first_name").asString()).isEqualTo("John");
        assertThat(answer.json().path("last_name").asString()).isEqualTo("Smith");
        assertThat(answer.json().path("image_url").asString()).isEqualTo(IMAGE);
        assertThat(answer.json().path("is_active").asBoolean()).isTrue();
        assertThat(repository.find(PARTNER, NUMBER))
                .get()
                .extracting(ContactCardRecord::firstName, ContactCardRecord::lastName, ContactCardRecord::imageUrl)
                .containsExactly("John", "Smith", IMAGE);
        assertThat(cdn.uploads()).isEmpty();
    }

    /**
     * Each update locks the card's row in the database (no lock in the process): PATCHes of
     * different fields sent at once all keep their field. The same race through two sandboxes on
     * one PostgreSQL database: {@code TwoSandboxesOnOnePostgresTest}.
     */
    @Test
    void updatesOfDifferentFieldsSentAtOnceAllKeepTheirField() throws Exception {
        for (int round = 0; round < 10; round++) {
            List<Callable<Integer>> updates = new ArrayList<>();
            for (String body : List.of(
                    "{\"first_name\": \"First%d\"}".formatted(round),
                    "{\"last_name\": \"Last%d\"}".formatted(round),
                    "{\"image_url\": \"https://cdn.test/%d.jpg\"}".formatted(round))) {
                updates.add(() -> new SpecValidatingClient(port)
                        .update(READ_WRITE, NUMBER, body)
                        .status());
            }

            assertThat(AllAtOnce.run(updates)).containsOnly(200);
            assertThat(repository.find(PARTNER, NUMBER))
                    .get()
                    .extracting(
                            ContactCardRecord::firstName,
                            ContactCardRecord::lastName,
                            ContactCardRecord::imageSourceUrl)
                    .containsExactly("First" + round, "Last" + round, "https://cdn.test/" + round + ".jpg");
        }
    }

    @Test
    void aNewFirstNameReplacesTheOldOne() {
        Answer answer = api.update(READ_WRITE, NUMBER, """
                {"first_name": "Johnny"}""");

        assertThat(answer.json().path("first_name").asString()).isEqualTo("Johnny");
        assertThat(answer.json().path("last_name").asString()).isEqualTo("Doe");
    }

    @Test
    void anExplicitNullClearsTheLastNameAndTheImage() {
        Answer answer = api.update(READ_WRITE, NUMBER, """
                {"last_name": null, "image_url": null}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("last_name")).isFalse();
        assertThat(answer.json().has("image_url")).isFalse();
        assertThat(repository.find(PARTNER, NUMBER))
                .get()
                .extracting(ContactCardRecord::firstName, ContactCardRecord::lastName, ContactCardRecord::imageUrl)
                .containsExactly("John", null, null);
    }

    @Test
    void anEmptyBodyChangesNothingAndAnswersTheCardAsItIs() {
        Answer answer = api.update(READ_WRITE, NUMBER, "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("first_name").asString()).isEqualTo("John");
        assertThat(answer.json().path("last_name").asString()).isEqualTo("Doe");
        assertThat(answer.json().path("image_url").asString()).isEqualTo(IMAGE);
    }

    @Test
    void aNewImageUrlIsRehostedAndTheSameOneAgainIsNot() {
        Answer first = api.update(READ_WRITE, NUMBER, """
                {"image_url": "https://example.com/new.jpg"}""");
        Answer again = api.update(READ_WRITE, NUMBER, """
                {"image_url": "https://example.com/new.jpg"}""");

        assertThat(first.json().path("image_url").asString()).isEqualTo("https://cdn.test/images/1");
        assertThat(again.json().path("image_url").asString()).isEqualTo("https://cdn.test/images/1");
        assertThat(cdn.uploads()).containsExactly("https://example.com/new.jpg");
    }

    @Test
    void theFirstNameCannotBeClearedWithNull() {
        Answer answer = api.update(READ_WRITE, NUMBER, """
                {"first_name": null}""");

        assertError(answer, 400, 1003);
        assertThat(repository.find(PARTNER, NUMBER))
                .get()
                .extracting(ContactCardRecord::firstName)
                .isEqualTo("John");
    }

    @Test
    void theFirstNameCannotBeMadeBlank() {
        Answer answer = api.update(READ_WRITE, NUMBER, """
                {"first_name": "   "}""");

        assertError(answer, 400, 1003);
    }

    @Test
    void aNumberWithoutACardCannotBeUpdated() {
        Answer answer = api.update(READ_WRITE, "+15557654321", """
                {"last_name": "Smith"}""");

        assertError(answer, 404, 2013);
    }

    @Test
    void anInactiveCardCannotBeUpdated() {
        repository.save(ContactCardRecord.of(PARTNER, "+15005550001", "Test", null, null, false));

        Answer answer = api.update(READ_WRITE, "+15005550001", """
                {"last_name": "Smith"}""");

        assertError(answer, 404, 2013);
        assertThat(repository.find(PARTNER, "+15005550001"))
                .get()
                .extracting(ContactCardRecord::lastName)
                .isNull();
    }

    @Test
    void aPartnerCannotUpdateTheCardOfAnotherPartner() {
        repository.save(ContactCardRecord.of("another-partner", "+15557654321", "Theirs", null, null, true));

        Answer answer = api.update(READ_WRITE, "+15557654321", """
                {"first_name": "Mine"}""");

        assertError(answer, 404, 2013);
        assertThat(repository.find("another-partner", "+15557654321"))
                .get()
                .extracting(ContactCardRecord::firstName)
                .isEqualTo("Theirs");
    }

    @Test
    void aReadOnlyKeyCannotUpdate() {
        Answer answer = api.update(READ_ONLY, NUMBER, """
                {"last_name": "Smith"}""");

        assertError(answer, 403, 2005);
        assertThat(repository.find(PARTNER, NUMBER))
                .get()
                .extracting(ContactCardRecord::lastName)
                .isEqualTo("Doe");
    }

    @Test
    void anUpdateWithoutAPhoneNumberIsRefusedWith1003() {
        Answer answer = api.send(
                "PATCH",
                "/api/partner/v3/contact_card",
                """
                {"last_name": "Smith"}""",
                Map.of("Authorization", "Bearer " + READ_WRITE, "Content-Type", "application/json"));

        assertError(answer, 400, 1003);
    }

    @Test
    void anUpdateForAPhoneNumberNotInE164FormatIsRefusedWith1002() {
        Answer answer = api.update(READ_WRITE, "+0123", """
                {"last_name": "Smith"}""");

        assertError(answer, 400, 1002);
    }
}
