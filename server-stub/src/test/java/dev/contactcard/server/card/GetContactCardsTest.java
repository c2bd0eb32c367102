package dev.contactcard.server.card;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_ONLY;
import static dev.contactcard.server.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GetContactCardsTest extends ApiTest {

    @Test
    void withoutAPhoneNumberEveryCardOfThePartnerIsListedActiveOrNotOrderedByPhoneNumber() {
        repository.save(ContactCardRecord.of(PARTNER, "+447700900123", "Zed", null, null, true));
        repository.save(ContactCardRecord.of(PARTNER, "+15005550001", "Test", null, null, false));
        repository.save(ContactCardRecord.of(PARTNER, "+15551234567", "John", "Doe", "https://cdn.test/j.jpg", true));
        repository.save(ContactCardRecord.of("another-partner", "+15550000001", "Hidden", null, null, true));

        Answer answer = api.list(READ_ONLY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(phoneNumbers(answer)).containsExactly("+15005550001", "+15551234567", "+447700900123");
        JsonNode john = answer.json().path("contact_cards").get(1);
        assertThat(john.path("last_name").asString()).isEqualTo("Doe");
        assertThat(john.path("image_url").asString()).isEqualTo("https://cdn.test/j.jpg");
        assertThat(answer.json().path("contact_cards").get(0).path("is_active").asBoolean())
                .isFalse();
    }

    @Test
    void withAPhoneNumberTheListHoldsTheCardOfThatNumber() {
        repository.save(ContactCardRecord.of(PARTNER, "+15551234567", "John", null, null, true));
        repository.save(ContactCardRecord.of(PARTNER, "+15557654321", "Jane", null, null, true));

        Answer answer = api.get(READ_ONLY, "+15551234567");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(phoneNumbers(answer)).containsExactly("+15551234567");
    }

    @Test
    void aNumberWithoutACardGivesAnEmptyList() {
        Answer answer = api.get(READ_ONLY, "+15551234567");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("contact_cards").isArray()).isTrue();
        assertThat(answer.json().path("contact_cards").size()).isZero();
    }

    @Test
    void aPartnerNeverSeesTheCardOfAnotherPartner() {
        repository.save(ContactCardRecord.of("another-partner", "+15551234567", "Hidden", null, null, true));

        assertThat(phoneNumbers(api.get(READ_ONLY, "+15551234567"))).isEmpty();
        assertThat(phoneNumbers(api.list(READ_ONLY))).isEmpty();
    }

    @Test
    void aPhoneNumberQueryNotInE164FormatIsRefusedWith1002() {
        Answer answer = api.get(READ_ONLY, "5551234567");

        assertError(answer, 400, 1002);
    }

    private static List<String> phoneNumbers(Answer answer) {
        List<String> numbers = new ArrayList<>();
        answer.json()
                .path("contact_cards")
                .forEach(card -> numbers.add(card.path("phone_number").asString()));
        return numbers;
    }
}
