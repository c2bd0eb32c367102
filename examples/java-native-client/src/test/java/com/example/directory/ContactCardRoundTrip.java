package com.example.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.directory.contactcard.api.ContactCardApi;
import com.example.directory.contactcard.invoker.ApiClient;
import com.example.directory.contactcard.invoker.ApiException;
import com.example.directory.contactcard.model.ContactCard;
import com.example.directory.contactcard.model.CreateContactCardRequest;
import com.example.directory.contactcard.model.ErrorResponse;
import com.example.directory.contactcard.model.UpdateContactCardRequest;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * The round trip every regenerated client runs against a sandbox ({@code CONTACT_CARD_BASE_URL},
 * {@code CONTACT_CARD_KEY}, {@code CONTACT_CARD_READ_ONLY_KEY}), one step a test, named by the step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContactCardRoundTrip {

    private static final ContactCardApi API =
            ContactCardApis.contactCardApi(URI.create(setting("CONTACT_CARD_BASE_URL")), setting("CONTACT_CARD_KEY"));
    private static final ContactCardApi READ_ONLY = ContactCardApis.contactCardApi(
            URI.create(setting("CONTACT_CARD_BASE_URL")), setting("CONTACT_CARD_READ_ONLY_KEY"));
    /** A fictional number (555-01XX), new for each run. */
    private static final String NUMBER = "+1" + ThreadLocalRandom.current().nextInt(200, 1000) + "55501"
            + ThreadLocalRandom.current().nextInt(10, 100);

    private static final String IMAGE = "https://cdn.example/java.png";

    private static String setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + name + " (the sandbox's base URL and keys)");
        }
        return value;
    }

    @Test
    @Order(1)
    void createACard() throws Exception {
        CreateContactCardRequest create = new CreateContactCardRequest()
                .phoneNumber(NUMBER)
                .firstName("Ada")
                .lastName("Lovelace")
                .imageUrl(IMAGE);
        String key = UUID.randomUUID().toString();

        ContactCard card = API.createContactCard(create, key);
        // A retry (after a timeout, say) sends the same Idempotency-Key: it gets the first answer, not 409.
        ContactCard retried = API.createContactCard(create, key);

        assertThat(card.getIsActive()).isTrue();
        assertThat(card.getLastName()).isEqualTo("Lovelace");
        assertThat(retried).isEqualTo(card);
    }

    @Test
    @Order(2)
    void getIt() throws Exception {
        assertThat(API.getContactCards(NUMBER).getContactCards())
                .singleElement()
                .satisfies(card -> {
                    assertThat(card.getFirstName()).isEqualTo("Ada");
                    assertThat(card.getImageUrl()).isEqualTo(IMAGE);
                });
    }

    @Test
    @Order(3)
    void anUpdateChangesOneFieldAndKeepsTheOthers() throws Exception {
        // last_name and image_url left undefined: not sent, so kept.
        ContactCard card = API.updateContactCard(NUMBER, new UpdateContactCardRequest().firstName("Augusta"));

        assertThat(card.getFirstName()).isEqualTo("Augusta");
        assertThat(card.getLastName()).isEqualTo("Lovelace");
        assertThat(card.getImageUrl()).isEqualTo(IMAGE);
    }

    @Test
    @Order(4)
    void anUpdateClearsImageUrlWithAnExplicitNull() throws Exception {
        UpdateContactCardRequest update = new UpdateContactCardRequest();
        update.setImageUrl_JsonNullable(JsonNullable.of(null)); // sent as null: cleared

        ContactCard card = API.updateContactCard(NUMBER, update);

        assertThat(card.getImageUrl()).isNull();
        assertThat(card.getLastName()).isEqualTo("Lovelace");
    }

    @Test
    @Order(5)
    void aCreateOfAnExistingNumberIs409WithCode2014() throws Exception {
        CreateContactCardRequest create =
                new CreateContactCardRequest().phoneNumber(NUMBER).firstName("Ada");

        ApiException refused = catchThrowableOfType(
                ApiException.class,
                () -> API.createContactCard(create, UUID.randomUUID().toString()));

        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(errorOf(refused).getError().getCode()).isEqualTo(2014);
    }

    @Test
    @Order(6)
    void aCreateWithAnInvalidNumberIs400WithCode1002() throws Exception {
        ApiException refused = catchThrowableOfType(
                ApiException.class,
                () -> API.createContactCard(
                        new CreateContactCardRequest().phoneNumber("5551234567").firstName("Ada"), null));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(errorOf(refused).getError().getCode()).isEqualTo(1002);
    }

    @Test
    @Order(7)
    void aReadOnlyKeyIsRefusedWith403AndCode2005() throws Exception {
        ApiException refused = catchThrowableOfType(
                ApiException.class,
                () -> READ_ONLY.updateContactCard(NUMBER, new UpdateContactCardRequest().firstName("Eve")));

        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(errorOf(refused).getError().getCode()).isEqualTo(2005);
    }

    private static ErrorResponse errorOf(ApiException refused) throws Exception {
        return new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), ErrorResponse.class);
    }
}
