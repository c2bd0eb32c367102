package dev.contactcard.server.card;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static dev.contactcard.server.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class CreateContactCardTest extends ApiTest {

    @Test
    void aCreateStoresTheCardAppliesItAndAnswersItActive() {
        Answer answer = api.create(READ_WRITE, """
                {"first_name": "John", "last_name": "Doe", "phone_number": "+15551234567",
                 "image_url": "https://example.com/john.jpg"}""");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode card = answer.json();
        assertThat(card.path("phone_number").asString()).isEqualTo("+15551234567");
        assertThat(card.path("first_name").asString()).isEqualTo("John");
        assertThat(card.path("last_name").asString()).isEqualTo("Doe");
        assertThat(card.path("image_url").asString()).isEqualTo("https://cdn.test/images/1");
        assertThat(card.path("is_active").asBoolean()).isTrue();
        assertThat(repository.find(PARTNER, "+15551234567"))
                .get()
                .extracting(ContactCardRecord::active)
                .isEqualTo(true);
        assertThat(cdn.uploads()).containsExactly("https://example.com/john.jpg");
    }

    @Test
    void namesInAnyScriptAreStoredAndAnsweredExactlyAsSent() {
        String first = "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69 \u202Eمرحبا";
        String last = "Zoë e\u0301 \u4E2D\u6587";

        Answer answer = api.create(
                READ_WRITE,
                "{\"first_name\": \"" + first + "\", \"last_name\": \"" + last
                        + "\", \"phone_number\": \"+15551234567\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("first_name").asString()).isEqualTo(first);
        assertThat(answer.json().path("last_name").asString()).isEqualTo(last);
        assertThat(api.get(READ_WRITE, "+15551234567")
                        .json()
                        .path("contact_cards")
                        .path(0)
                        .path("first_name")
                        .asString())
                .isEqualTo(first);
    }

    @Test
    void lengthsAreCountedInCharactersSoAHundredEmojiAreAValidFirstName() {
        String hundred = "\uD83D\uDE00".repeat(100);
        String url = "https://example.com/" + "\u00E9".repeat(2048 - 20);

        Answer answer = api.create(
                READ_WRITE,
                "{\"first_name\": \"" + hundred + "\", \"last_name\": \"" + hundred + "\", \"image_url\": \"" + url
                        + "\", \"phone_number\": \"+15551234567\"}");
        Answer tooLong = api.create(
                READ_WRITE, "{\"first_name\": \"" + hundred + "x\", " + "\"phone_number\": \"+15557654321\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(repository.find(PARTNER, "+15551234567"))
                .get()
                .extracting(
                        ContactCardRecord::firstName, ContactCardRecord::lastName, ContactCardRecord::imageSourceUrl)
                .containsExactly(hundred, hundred, url);
        assertError(tooLong, 400, 1004);
    }

    @Test
    void anyAbsoluteHttpUrlWithAHostIsAcceptedAsTheImage() {
        String[] urls = {
            "HTTP://EXAMPLE.COM/A.JPG",
            "http://[::1]:8080/a.jpg",
            "https://user@cdn.example.com:443/a.jpg?size=2#top",
            "https://пример.рф/фото.jpg"
        };
        for (int i = 0; i < urls.length; i++) {
            Answer answer = api.create(
                    READ_WRITE,
                    "{\"first_name\": \"John\", \"phone_number\": \"+1555123450" + i + "\", \"image_url\": \"" + urls[i]
                            + "\"}");

            assertThat(answer.status()).as(urls[i]).isEqualTo(200);
        }
        assertThat(cdn.uploads()).containsExactly(urls);
    }

    @Test
    void theActiveCardOfAnotherPartnerForTheSameNumberNeitherBlocksNorChangesACreate() {
        repository.save(ContactCardRecord.of("another-partner", "+15551234567", "Theirs", null, null, true));

        Answer answer = api.create(READ_WRITE, """
                {"first_name": "Mine", "phone_number": "+15551234567"}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(repository.find(PARTNER, "+15551234567"))
                .get()
                .extracting(ContactCardRecord::firstName)
                .isEqualTo("Mine");
        assertThat(repository.find("another-partner", "+15551234567"))
                .contains(ContactCardRecord.of("another-partner", "+15551234567", "Theirs", null, null, true));
    }

    @Test
    void optionalFieldsThatWereNotSentAreAbsentFromTheAnswerNotNull() {
        Answer answer = api.create(READ_WRITE, """
                {"first_name": "John", "phone_number": "+15551234567"}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("last_name")).isFalse();
        assertThat(answer.json().has("image_url")).isFalse();
        assertThat(cdn.uploads()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"last_name", "image_url"})
    void anExplicitNullForAnOptionalFieldOfACreateIsRefusedWith1003AndNothingIsStored(String field) {
        Answer answer = api.create(READ_WRITE, """
                {"first_name": "John", "phone_number": "+15551234567", "%s": null}""".formatted(field));

        assertError(answer, 400, 1003);
        assertThat(answer.json().path("error").path("message").asString()).contains(field);
        assertThat(repository.findAll(PARTNER)).isEmpty();
    }

    @Test
    void whenTheApplyStepFailsTheCardStaysStoredInactive() {
        Answer answer = api.create(READ_WRITE, """
                {"first_name": "Test", "phone_number": "+15005550042"}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("is_active").asBoolean()).isFalse();
        assertThat(repository.find(PARTNER, "+15005550042"))
                .get()
                .extracting(ContactCardRecord::active, ContactCardRecord::firstName)
                .containsExactly(false, "Test");
    }

    @Test
    void theSandboxTestNumbersEndAtPlus15005550099() {
        assertThat(api.create(READ_WRITE, """
                {"first_name": "Test", "phone_number": "+15005550099"}""").json().path("is_active").asBoolean())
                .isFalse();
        assertThat(api.create(READ_WRITE, """
                {"first_name": "Test", "phone_number": "+15005550100"}""").json().path("is_active").asBoolean())
                .isTrue();
    }

    @Test
    void aCreateForANumberWithAnInactiveCardRetriesTheSetupWithTheNewValues() {
        repository.save(ContactCardRecord.of(PARTNER, "+15551234567", "Old", "Name", null, false));

        Answer answer = api.create(READ_WRITE, """
                {"first_name": "John", "phone_number": "+15551234567"}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("is_active").asBoolean()).isTrue();
        assertThat(answer.json().path("first_name").asString()).isEqualTo("John");
        assertThat(answer.json().has("last_name"))
                .as("the retry takes the new values only")
                .isFalse();
        assertThat(repository.find(PARTNER, "+15551234567"))
                .get()
                .extracting(ContactCardRecord::active, ContactCardRecord::firstName, ContactCardRecord::lastName)
                .containsExactly(true, "John", null);
    }

    @Test
    void aRetriedSetupThatFailsAgainKeepsTheNewValuesInactive() {
        api.create(READ_WRITE, """
                {"first_name": "First", "phone_number": "+15005550000"}""");

        Answer retry = api.create(READ_WRITE, """
                {"first_name": "Second", "phone_number": "+15005550000"}""");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("is_active").asBoolean()).isFalse();
        assertThat(repository.find(PARTNER, "+15005550000"))
                .get()
                .extracting(ContactCardRecord::firstName)
                .isEqualTo("Second");
    }

    @Test
    void aCreateForANumberWithAnActiveCardIsRefusedAndChangesNothing() {
        api.create(READ_WRITE, """
                {"first_name": "John", "last_name": "Doe", "phone_number": "+15551234567"}""");

        Answer second = api.create(READ_WRITE, """
                {"first_name": "Jane", "phone_number": "+15551234567", "image_url": "https://example.com/j.jpg"}""");

        assertError(second, 409, 2014);
        assertThat(repository.find(PARTNER, "+15551234567"))
                .get()
                .extracting(ContactCardRecord::firstName, ContactCardRecord::lastName, ContactCardRecord::imageUrl)
                .containsExactly("John", "Doe", null);
        assertThat(cdn.uploads()).isEmpty();
    }

    @Test
    void aRetriedSetupWithTheSameImageDoesNotUploadItAgain() {
        api.create(READ_WRITE, """
                {"first_name": "Test", "phone_number": "+15005550001", "image_url": "https://example.com/a.jpg"}""");

        Answer retry = api.create(READ_WRITE, """
                {"first_name": "Test", "phone_number": "+15005550001", "image_url": "https://example.com/a.jpg"}""");

        assertThat(retry.json().path("image_url").asString()).isEqualTo("https://cdn.test/images/1");
        assertThat(cdn.uploads()).containsExactly("https://example.com/a.jpg");
    }

    @Test
    void aRetriedSetupWithANewImageUploadsTheNewOne() {
        api.create(READ_WRITE, """
                {"first_name": "Test", "phone_number": "+15005550001", "image_url": "https://example.com/a.jpg"}""");

        Answer retry = api.create(READ_WRITE, """
                {"first_name": "Test", "phone_number": "+15005550001", "image_url": "https://example.com/b.jpg"}""");

        assertThat(retry.json().path("image_url").asString()).isEqualTo("https://cdn.test/images/2");
        assertThat(cdn.uploads()).containsExactly("https://example.com/a.jpg", "https://example.com/b.jpg");
    }

    @Test
    void anUnexpectedFailureAnswers500WithoutInternalsAndLeavesTheCardInactive() {
        Answer answer = api.create(READ_WRITE, """
                {"first_name": "John", "phone_number": "%s"}""".formatted(EXPLODING_NUMBER));

        assertError(answer, 500, 3006);
        assertThat(answer.json().path("error").path("message").asString()).isEqualTo("Internal server error");
        assertThat(answer.body()).doesNotContain("exploded", "10.0.0.7", "Exception", "at dev.");
        assertThat(repository.find(PARTNER, EXPLODING_NUMBER))
                .get()
                .extracting(ContactCardRecord::active)
                .isEqualTo(false);
    }
}
