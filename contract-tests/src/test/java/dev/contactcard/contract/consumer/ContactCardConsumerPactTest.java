package dev.contactcard.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.contactcard.client.BadRequestException;
import dev.contactcard.client.ConflictException;
import dev.contactcard.client.ContactCardClient;
import dev.contactcard.client.ContactCardServiceException;
import dev.contactcard.client.NotFoundException;
import dev.contactcard.client.PermissionDeniedException;
import dev.contactcard.client.UnauthorizedException;
import dev.contactcard.client.model.ContactCard;
import dev.contactcard.client.model.CreateContactCardRequest;
import dev.contactcard.client.model.UpdateContactCardRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Contact Card client other teams call expects of the provider: one {@code @Pact} and
 * one test per interaction, each driving {@link ContactCardClient} itself against Pact's mock
 * server.
 *
 * <p>Values the provider chooses are matched by type or pattern; the contract's own values (the
 * error {@code code}, {@code status}, {@code success}, {@code is_active}) are matched exactly.
 * The {@code Authorization} and {@code Content-Type} request headers are matched by pattern:
 * Feign sends {@code application/json} without a charset.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
        providerName = ContactCardConsumerPactTest.PROVIDER,
        pactVersion = PactSpecVersion.V4,
        hostInterface = "127.0.0.1")
class ContactCardConsumerPactTest {

    static final String PROVIDER = "contact-card-provider";
    static final String CONSUMER = "contact-card-client";

    private static final String PATH = "/api/partner/v3/contact_card";
    private static final String E164 = "^\\+[1-9]\\d{1,14}$";
    private static final String BEARER = "^Bearer \\S+$";
    private static final String JSON = "^application/json(;\\s?charset=(?i)utf-8)?$";
    private static final String HTTP_URL = "^https?://\\S+$";

    private static final String PHONE = "+15551234567";
    private static final String FAILING_PHONE = "+15005550001";
    private static final String READ_WRITE_KEY = "sandbox-rw-key";
    private static final String READ_ONLY_KEY = "sandbox-ro-key";
    private static final String UNKNOWN_KEY = "not-a-key";
    private static final String IMAGE = "https://cdn.linqapp.com/contact-card/example.jpg";

    // ------------------------------------------------------------------ create

    @Pact(consumer = CONSUMER)
    V4Pact createForANewNumber(PactDslWithProvider builder) {
        return answered(
                post(
                        builder.given("no card exists for the number", Map.of("phone_number", PHONE))
                                .uponReceiving("a create for a number without a card"),
                        READ_WRITE_KEY,
                        newJsonBody(body -> body.stringValue("first_name", "John")
                                        .stringValue("phone_number", PHONE)
                                        .stringValue("last_name", "Doe")
                                        .stringValue("image_url", IMAGE))
                                .build()),
                card(PHONE, true));
    }

    @Test
    @PactTestFor(pactMethod = "createForANewNumber")
    void aCreateForANewNumberReturnsTheActiveCard(MockServer server) {
        ContactCard card = client(server, READ_WRITE_KEY)
                .create(new CreateContactCardRequest()
                        .firstName("John")
                        .phoneNumber(PHONE)
                        .lastName("Doe")
                        .imageUrl(IMAGE));

        assertThat(card.getPhoneNumber()).isEqualTo(PHONE);
        assertThat(card.getFirstName()).isEqualTo("John");
        assertThat(card.getIsActive()).isTrue();
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWhoseApplyFails(PactDslWithProvider builder) {
        return answered(
                post(
                        builder.given("the apply step fails for the number", Map.of("phone_number", FAILING_PHONE))
                                .uponReceiving("a create whose apply step fails"),
                        READ_WRITE_KEY,
                        createBody("John", FAILING_PHONE)),
                newJsonBody(body -> body.stringValue("phone_number", FAILING_PHONE)
                                .stringType("first_name", "John")
                                .booleanValue("is_active", false))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "createWhoseApplyFails")
    void aCreateWhoseApplyFailsReturnsTheCardInactive(MockServer server) {
        ContactCard card = client(server, READ_WRITE_KEY)
                .create(new CreateContactCardRequest().firstName("John").phoneNumber(FAILING_PHONE));

        assertThat(card.getIsActive()).isFalse();
        assertThat(card.getPhoneNumber()).isEqualTo(FAILING_PHONE);
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithAnInvalidNumber(PactDslWithProvider builder) {
        return rejected(
                post(
                        builder.uponReceiving("a create with a phone number not in E.164 format"),
                        READ_WRITE_KEY,
                        createBody("John", "5551234567")),
                400,
                1002);
    }

    @Test
    @PactTestFor(pactMethod = "createWithAnInvalidNumber")
    void aCreateWithAnInvalidNumberFailsWithCode1002(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE_KEY);

        assertRejected(
                BadRequestException.class,
                400,
                1002,
                () -> client.create(
                        new CreateContactCardRequest().firstName("John").phoneNumber("5551234567")));
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithoutAFirstName(PactDslWithProvider builder) {
        // The client sends a required field it was not given as null; the provider must reject it.
        return rejected(
                post(
                        builder.uponReceiving("a create without a first name"),
                        READ_WRITE_KEY,
                        newJsonBody(body -> body.nullValue("first_name").stringValue("phone_number", PHONE))
                                .build()),
                400,
                1003);
    }

    @Test
    @PactTestFor(pactMethod = "createWithoutAFirstName")
    void aCreateWithoutAFirstNameFailsWithCode1003(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE_KEY);

        assertRejected(
                BadRequestException.class,
                400,
                1003,
                () -> client.create(new CreateContactCardRequest().phoneNumber(PHONE)));
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithAnUnknownKey(PactDslWithProvider builder) {
        return rejected(
                post(
                        builder.given("the API key is unknown", Map.of("api_key", UNKNOWN_KEY))
                                .uponReceiving("a create with an unknown API key"),
                        UNKNOWN_KEY,
                        createBody("John", PHONE)),
                401,
                2004);
    }

    @Test
    @PactTestFor(pactMethod = "createWithAnUnknownKey")
    void aCreateWithAnUnknownKeyFailsWithCode2004(MockServer server) {
        ContactCardClient client = client(server, UNKNOWN_KEY);

        assertRejected(
                UnauthorizedException.class,
                401,
                2004,
                () -> client.create(
                        new CreateContactCardRequest().firstName("John").phoneNumber(PHONE)));
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithAReadOnlyKey(PactDslWithProvider builder) {
        return rejected(
                post(
                        builder.given("the API key is read-only", Map.of("api_key", READ_ONLY_KEY))
                                .uponReceiving("a create with a read-only API key"),
                        READ_ONLY_KEY,
                        createBody("John", PHONE)),
                403,
                2005);
    }

    @Test
    @PactTestFor(pactMethod = "createWithAReadOnlyKey")
    void aCreateWithAReadOnlyKeyFailsWithCode2005(MockServer server) {
        ContactCardClient client = client(server, READ_ONLY_KEY);

        assertRejected(
                PermissionDeniedException.class,
                403,
                2005,
                () -> client.create(
                        new CreateContactCardRequest().firstName("John").phoneNumber(PHONE)));
    }

    @Pact(consumer = CONSUMER)
    V4Pact createForANumberWithAnActiveCard(PactDslWithProvider builder) {
        return rejected(
                post(
                        builder.given("an active card exists for the number", Map.of("phone_number", PHONE))
                                .uponReceiving("a create for a number that already has an active card"),
                        READ_WRITE_KEY,
                        createBody("Jane", PHONE)),
                409,
                2014);
    }

    @Test
    @PactTestFor(pactMethod = "createForANumberWithAnActiveCard")
    void aCreateForANumberWithAnActiveCardFailsWithCode2014(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE_KEY);

        assertRejected(
                ConflictException.class,
                409,
                2014,
                () -> client.create(
                        new CreateContactCardRequest().firstName("Jane").phoneNumber(PHONE)));
    }

    // ------------------------------------------------------------------ get

    @Pact(consumer = CONSUMER)
    V4Pact listEveryCard(PactDslWithProvider builder) {
        return answered(
                authorized(
                        builder.given("an active card exists for the number", Map.of("phone_number", PHONE))
                                .uponReceiving("a get of every card of the partner")
                                .path(PATH)
                                .method("GET"),
                        READ_WRITE_KEY),
                newJsonBody(body -> body.minArrayLike(
                                "contact_cards",
                                1,
                                card -> card.stringMatcher("phone_number", E164, PHONE)
                                        .stringType("first_name", "John")
                                        .booleanType("is_active", true)))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "listEveryCard")
    void aGetOfEveryCardReturnsTheList(MockServer server) {
        List<ContactCard> cards = client(server, READ_WRITE_KEY).list();

        assertThat(cards)
                .isNotEmpty()
                .allSatisfy(card -> assertThat(card.getPhoneNumber()).matches(E164));
    }

    @Pact(consumer = CONSUMER)
    V4Pact getOneNumber(PactDslWithProvider builder) {
        return answered(
                authorized(
                        builder.given("an active card exists for the number", Map.of("phone_number", PHONE))
                                .uponReceiving("a get of the card of one number")
                                .path(PATH)
                                .matchQuery("phone_number", Pattern.quote(PHONE), PHONE)
                                .method("GET"),
                        READ_WRITE_KEY),
                newJsonBody(body -> body.minMaxArrayLike(
                                "contact_cards",
                                1,
                                1,
                                card -> card.stringValue("phone_number", PHONE)
                                        .stringType("first_name", "John")
                                        .booleanValue("is_active", true)))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "getOneNumber")
    void aGetOfOneNumberReturnsItsCard(MockServer server) {
        Optional<ContactCard> card = client(server, READ_WRITE_KEY).get(PHONE);

        assertThat(card).hasValueSatisfying(found -> {
            assertThat(found.getPhoneNumber()).isEqualTo(PHONE);
            assertThat(found.getIsActive()).isTrue();
        });
    }

    @Pact(consumer = CONSUMER)
    V4Pact getWithAnInvalidNumber(PactDslWithProvider builder) {
        return rejected(
                authorized(
                        builder.uponReceiving("a get with a phone number not in E.164 format")
                                .path(PATH)
                                .query("phone_number=12345")
                                .method("GET"),
                        READ_WRITE_KEY),
                400,
                1002);
    }

    @Test
    @PactTestFor(pactMethod = "getWithAnInvalidNumber")
    void aGetWithAnInvalidNumberFailsWithCode1002(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE_KEY);

        assertRejected(BadRequestException.class, 400, 1002, () -> client.get("12345"));
    }

    // ------------------------------------------------------------------ update

    @Pact(consumer = CONSUMER)
    V4Pact updateTheLastNameOnly(PactDslWithProvider builder) {
        return answered(
                patch(
                        builder.given("an active card exists for the number", Map.of("phone_number", PHONE))
                                .uponReceiving("an update that changes only the last name"),
                        PHONE,
                        // Exactly this body: a client that also sent the unchanged fields, or nulls, breaks it.
                        newJsonBody(body -> body.stringValue("last_name", "Smith"))
                                .build()),
                newJsonBody(body -> body.stringValue("phone_number", PHONE)
                                .stringType("first_name", "John")
                                .stringValue("last_name", "Smith")
                                .booleanValue("is_active", true))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "updateTheLastNameOnly")
    void anUpdateSendsOnlyTheChangedFieldAndReturnsTheMergedCard(MockServer server) {
        ContactCard card =
                client(server, READ_WRITE_KEY).update(PHONE, new UpdateContactCardRequest().lastName("Smith"));

        assertThat(card.getLastName()).isEqualTo("Smith");
        assertThat(card.getFirstName()).isNotBlank();
        assertThat(card.getIsActive()).isTrue();
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateThatClearsTheImage(PactDslWithProvider builder) {
        return answered(
                patch(
                        builder.given("an active card exists for the number", Map.of("phone_number", PHONE))
                                .uponReceiving("an update that removes the image"),
                        PHONE,
                        newJsonBody(body -> body.nullValue("image_url")).build()),
                newJsonBody(body -> body.stringValue("phone_number", PHONE)
                                .stringType("first_name", "John")
                                .booleanValue("is_active", true))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "updateThatClearsTheImage")
    void anUpdateCanClearTheImageWithAnExplicitNull(MockServer server) {
        ContactCard card = client(server, READ_WRITE_KEY).update(PHONE, new UpdateContactCardRequest().imageUrl(null));

        assertThat(card.getImageUrl()).isNull();
        assertThat(card.getIsActive()).isTrue();
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateWithoutAnActiveCard(PactDslWithProvider builder) {
        return rejected(
                patch(
                        builder.given("no card exists for the number", Map.of("phone_number", PHONE))
                                .uponReceiving("an update of a number without an active card"),
                        PHONE,
                        newJsonBody(body -> body.stringValue("first_name", "Jane"))
                                .build()),
                404,
                2013);
    }

    @Test
    @PactTestFor(pactMethod = "updateWithoutAnActiveCard")
    void anUpdateWithoutAnActiveCardFailsWithCode2013(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE_KEY);

        assertRejected(
                NotFoundException.class,
                404,
                2013,
                () -> client.update(PHONE, new UpdateContactCardRequest().firstName("Jane")));
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateWithAnInvalidNumber(PactDslWithProvider builder) {
        return rejected(
                patch(
                        builder.uponReceiving("an update with a phone number not in E.164 format"),
                        "12345",
                        newJsonBody(body -> body.stringValue("first_name", "Jane"))
                                .build()),
                400,
                1002);
    }

    @Test
    @PactTestFor(pactMethod = "updateWithAnInvalidNumber")
    void anUpdateWithAnInvalidNumberFailsWithCode1002(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE_KEY);

        assertRejected(
                BadRequestException.class,
                400,
                1002,
                () -> client.update("12345", new UpdateContactCardRequest().firstName("Jane")));
    }

    // ------------------------------------------------------------------ helpers

    private static ContactCardClient client(MockServer server, String apiKey) {
        // No retries: every interaction is answered once, and a retry would be an unexpected request.
        return ContactCardClient.builder()
                .baseUrl(server.getUrl() + "/api/partner")
                .apiKey(apiKey)
                .maxRetries(0)
                .build();
    }

    private static PactDslRequestWithPath authorized(PactDslRequestWithPath request, String apiKey) {
        return request.matchHeader("Authorization", BEARER, "Bearer " + apiKey);
    }

    private static PactDslRequestWithPath post(PactDslRequestWithoutPath request, String apiKey, DslPart body) {
        return withJsonBody(authorized(request.path(PATH).method("POST"), apiKey), body);
    }

    private static PactDslRequestWithPath patch(PactDslRequestWithoutPath request, String phoneNumber, DslPart body) {
        PactDslRequestWithPath patch =
                request.path(PATH).method("PATCH").matchQuery("phone_number", Pattern.quote(phoneNumber), phoneNumber);
        return withJsonBody(authorized(patch, READ_WRITE_KEY), body);
    }

    private static PactDslRequestWithPath withJsonBody(PactDslRequestWithPath request, DslPart body) {
        // The header first: body() would otherwise expect "application/json; charset=UTF-8".
        return request.matchHeader("Content-Type", JSON, "application/json").body(body);
    }

    private static V4Pact answered(PactDslRequestWithPath request, DslPart body) {
        return request.willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(body)
                .toPact(V4Pact.class);
    }

    private static V4Pact rejected(PactDslRequestWithPath request, int status, int code) {
        return request.willRespondWith()
                .status(status)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(error(status, code))
                .toPact(V4Pact.class);
    }

    private static DslPart createBody(String firstName, String phoneNumber) {
        return newJsonBody(body -> body.stringValue("first_name", firstName).stringValue("phone_number", phoneNumber))
                .build();
    }

    private static DslPart card(String phone, boolean active) {
        return newJsonBody(body -> body.stringValue("phone_number", phone)
                        .stringType("first_name", "John")
                        .stringType("last_name", "Doe")
                        .stringMatcher("image_url", HTTP_URL, IMAGE)
                        .booleanValue("is_active", active))
                .build();
    }

    private static DslPart error(int status, int code) {
        return newJsonBody(body -> {
                    body.object(
                            "error",
                            error -> error.numberValue("status", status)
                                    .numberValue("code", code)
                                    .stringType("message", "A human-readable explanation"));
                    body.booleanValue("success", false);
                })
                .build();
    }

    private static <T extends ContactCardServiceException> void assertRejected(
            Class<T> type, int status, int code, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.errorCode()).hasValue(code);
            assertThat(e.errorMessage())
                    .hasValueSatisfying(message -> assertThat(message).isNotBlank());
        });
    }
}
