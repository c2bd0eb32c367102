package dev.contactcard.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.contactcard.contract.consumer.ContactCardPact.CONSUMER;
import static dev.contactcard.contract.consumer.ContactCardPact.IMAGE;
import static dev.contactcard.contract.consumer.ContactCardPact.PATH;
import static dev.contactcard.contract.consumer.ContactCardPact.PHONE;
import static dev.contactcard.contract.consumer.ContactCardPact.READ_ONLY;
import static dev.contactcard.contract.consumer.ContactCardPact.READ_WRITE;
import static dev.contactcard.contract.consumer.ContactCardPact.UNKNOWN;
import static dev.contactcard.contract.consumer.ContactCardPact.answered;
import static dev.contactcard.contract.consumer.ContactCardPact.assertRejected;
import static dev.contactcard.contract.consumer.ContactCardPact.card;
import static dev.contactcard.contract.consumer.ContactCardPact.client;
import static dev.contactcard.contract.consumer.ContactCardPact.rejected;
import static dev.contactcard.contract.consumer.ContactCardPact.withJsonBody;
import static dev.contactcard.contract.consumer.FromProviderState.authorization;
import static dev.contactcard.contract.consumer.FromProviderState.newIdempotencyKey;
import static dev.contactcard.contract.consumer.FromProviderState.value;
import static dev.contactcard.contract.consumer.PactMismatches.against;
import static dev.contactcard.contract.verifier.states.ProviderStates.ACTIVE_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.APPLY_FAILS;
import static dev.contactcard.contract.verifier.states.ProviderStates.COUNTRY_CALLING_CODE;
import static dev.contactcard.contract.verifier.states.ProviderStates.INACTIVE_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.NO_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.READ_ONLY_KEY;
import static dev.contactcard.contract.verifier.states.ProviderStates.READ_WRITE_KEY;
import static dev.contactcard.contract.verifier.states.ProviderStates.UNKNOWN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.contactcard.client.PermissionDeniedException;
import dev.contactcard.client.UnauthorizedException;
import dev.contactcard.client.model.ContactCard;
import dev.contactcard.client.model.CreateContactCardRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the client relies on when it creates a card ({@code POST /v3/contact_card}, {@link
 * ContactCardClient#create}): the card it gets back for a new number, a number outside North
 * America, the longest first name, a failing apply step and a number whose card is inactive; and
 * every error code a create is refused with. Each create sends its own {@code Idempotency-Key},
 * matched by pattern. The scaffolding the operations share, and why the pact is built as it is:
 * {@link ContactCardPact}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ContactCardPact.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
class CreateContactCardPactTest {

    private static final String HTTP_URL = "^https?://\\S+$";

    /** A United Kingdom mobile number: E.164, but not North American. */
    private static final String UK_PHONE = "+447700900123";

    private static final String FAILING_PHONE = "+15005550001";
    /** The longest first name the spec allows: exactly 100 characters. */
    private static final String LONGEST_NAME =
            "Wolfeschlegelsteinhausenbergerdorff".repeat(3).substring(0, 100);

    @Pact(consumer = CONSUMER)
    V4Pact createForANewNumber(PactDslWithProvider builder) {
        return answered(
                post(
                        builder.given(READ_WRITE_KEY)
                                .given(NO_CARD)
                                .uponReceiving("a create for a number without a card"),
                        READ_WRITE,
                        newJsonBody(body -> value(body.stringValue("first_name", "John"), "phone_number", PHONE)
                                        .stringValue("last_name", "Doe")
                                        .stringValue("image_url", IMAGE))
                                .build()),
                newJsonBody(body -> value(body, "phone_number", PHONE)
                                .stringValue("first_name", "John")
                                .stringValue("last_name", "Doe")
                                // The provider rehosts the image: any http(s) URL of its choosing.
                                .stringMatcher("image_url", HTTP_URL, IMAGE)
                                .booleanValue("is_active", true))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "createForANewNumber")
    void aCreateForANewNumberReturnsTheActiveCard(MockServer server) {
        ContactCard card = against(
                server,
                () -> client(server, READ_WRITE)
                        .create(new CreateContactCardRequest()
                                .firstName("John")
                                .phoneNumber(PHONE)
                                .lastName("Doe")
                                .imageUrl(IMAGE)));

        assertThat(card.getPhoneNumber()).isEqualTo(PHONE);
        assertThat(card.getFirstName()).isEqualTo("John");
        assertThat(card.getLastName()).isEqualTo("Doe");
        assertThat(card.getImageUrl()).startsWith("https://");
        assertThat(card.getIsActive()).isTrue();
    }

    @Pact(consumer = CONSUMER)
    V4Pact createOutsideNorthAmerica(PactDslWithProvider builder) {
        return answered(
                post(
                        builder.given(READ_WRITE_KEY)
                                .given(NO_CARD, Map.of(COUNTRY_CALLING_CODE, "44"))
                                .uponReceiving("a create for a number outside North America"),
                        READ_WRITE,
                        createBody("Olivia", UK_PHONE)),
                newJsonBody(body -> value(body, "phone_number", UK_PHONE)
                                .stringValue("first_name", "Olivia")
                                .booleanValue("is_active", true))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "createOutsideNorthAmerica")
    void aCreateForANumberOutsideNorthAmericaIsAccepted(MockServer server) {
        ContactCard card = against(
                server,
                () -> client(server, READ_WRITE)
                        .create(new CreateContactCardRequest()
                                .firstName("Olivia")
                                .phoneNumber(UK_PHONE)));

        assertThat(card.getPhoneNumber()).isEqualTo(UK_PHONE);
        assertThat(card.getIsActive()).isTrue();
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithTheLongestName(PactDslWithProvider builder) {
        return answered(
                post(
                        builder.given(READ_WRITE_KEY)
                                .given(NO_CARD)
                                .uponReceiving("a create with a first name of exactly 100 characters"),
                        READ_WRITE,
                        createBody(LONGEST_NAME, PHONE)),
                newJsonBody(body -> value(body, "phone_number", PHONE)
                                .stringValue("first_name", LONGEST_NAME)
                                .booleanValue("is_active", true))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "createWithTheLongestName")
    void aCreateWithAHundredCharacterNameKeepsItWhole(MockServer server) {
        ContactCard card = against(
                server,
                () -> client(server, READ_WRITE)
                        .create(new CreateContactCardRequest()
                                .firstName(LONGEST_NAME)
                                .phoneNumber(PHONE)));

        assertThat(card.getFirstName()).hasSize(100).isEqualTo(LONGEST_NAME);
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWhoseApplyFails(PactDslWithProvider builder) {
        return answered(
                post(
                        builder.given(READ_WRITE_KEY)
                                .given(APPLY_FAILS)
                                .uponReceiving("a create whose apply step fails"),
                        READ_WRITE,
                        createBody("John", FAILING_PHONE)),
                newJsonBody(body -> value(body, "phone_number", FAILING_PHONE)
                                .stringValue("first_name", "John")
                                .booleanValue("is_active", false))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "createWhoseApplyFails")
    void aCreateWhoseApplyFailsReturnsTheCardInactive(MockServer server) {
        ContactCard card = against(
                server,
                () -> client(server, READ_WRITE)
                        .create(new CreateContactCardRequest().firstName("John").phoneNumber(FAILING_PHONE)));

        assertThat(card.getIsActive()).isFalse();
        assertThat(card.getPhoneNumber()).isEqualTo(FAILING_PHONE);
    }

    @Pact(consumer = CONSUMER)
    V4Pact createForANumberWithAnInactiveCard(PactDslWithProvider builder) {
        return answered(
                post(
                        builder.given(READ_WRITE_KEY)
                                .given(INACTIVE_CARD, card("John", "Doe", null))
                                .uponReceiving("a create for a number whose card is inactive"),
                        READ_WRITE,
                        createBody("Jane", PHONE)),
                // The setup is retried with the new values (not refused with 409), and the old last
                // name is gone. Whether the retried apply step succeeds is the provider's: through
                // the public API an inactive card exists only for a number whose apply step fails.
                newJsonBody(body -> value(body, "phone_number", PHONE)
                                .stringValue("first_name", "Jane")
                                .booleanType("is_active", true))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "createForANumberWithAnInactiveCard")
    void aCreateForANumberWhoseCardIsInactiveRetriesTheSetupWithTheNewValues(MockServer server) {
        ContactCard card = against(
                server,
                () -> client(server, READ_WRITE)
                        .create(new CreateContactCardRequest().firstName("Jane").phoneNumber(PHONE)));

        assertThat(card.getFirstName()).isEqualTo("Jane");
        assertThat(card.getLastName()).isNull();
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithAnInvalidNumber(PactDslWithProvider builder) {
        return rejected(
                post(
                        builder.given(READ_WRITE_KEY).uponReceiving("a create with a phone number not in E.164 format"),
                        READ_WRITE,
                        literalCreateBody("John", "5551234567")),
                400,
                1002);
    }

    @Test
    @PactTestFor(pactMethod = "createWithAnInvalidNumber")
    void aCreateWithAnInvalidNumberFailsWithCode1002(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE);

        assertRejected(
                server,
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
                        builder.given(READ_WRITE_KEY).given(NO_CARD).uponReceiving("a create without a first name"),
                        READ_WRITE,
                        newJsonBody(body -> value(body.nullValue("first_name"), "phone_number", PHONE))
                                .build()),
                400,
                1003);
    }

    @Test
    @PactTestFor(pactMethod = "createWithoutAFirstName")
    void aCreateWithoutAFirstNameFailsWithCode1003(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE);

        assertRejected(
                server,
                BadRequestException.class,
                400,
                1003,
                () -> client.create(new CreateContactCardRequest().phoneNumber(PHONE)));
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithATooLongName(PactDslWithProvider builder) {
        return rejected(
                post(
                        builder.given(READ_WRITE_KEY)
                                .given(NO_CARD)
                                .uponReceiving("a create with a first name of 101 characters"),
                        READ_WRITE,
                        createBody(LONGEST_NAME + "x", PHONE)),
                400,
                1004);
    }

    @Test
    @PactTestFor(pactMethod = "createWithATooLongName")
    void aCreateWithANameOverAHundredCharactersFailsWithCode1004(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE);

        assertRejected(
                server,
                BadRequestException.class,
                400,
                1004,
                () -> client.create(new CreateContactCardRequest()
                        .firstName(LONGEST_NAME + "x")
                        .phoneNumber(PHONE)));
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithAnImageUrlThatIsNotHttp(PactDslWithProvider builder) {
        return rejected(
                post(
                        builder.given(READ_WRITE_KEY)
                                .given(NO_CARD)
                                .uponReceiving("a create with an image URL that is not http or https"),
                        READ_WRITE,
                        newJsonBody(body -> value(body.stringValue("first_name", "John"), "phone_number", PHONE)
                                        .stringValue("image_url", "ftp://cdn.linqapp.com/john.jpg"))
                                .build()),
                400,
                1005);
    }

    @Test
    @PactTestFor(pactMethod = "createWithAnImageUrlThatIsNotHttp")
    void aCreateWithAnImageUrlThatIsNotHttpFailsWithCode1005(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE);

        assertRejected(
                server,
                BadRequestException.class,
                400,
                1005,
                () -> client.create(new CreateContactCardRequest()
                        .firstName("John")
                        .phoneNumber(PHONE)
                        .imageUrl("ftp://cdn.linqapp.com/john.jpg")));
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithAnUnknownKey(PactDslWithProvider builder) {
        return rejected(
                post(
                        builder.given(UNKNOWN_KEY).uponReceiving("a create with an unknown API key"),
                        UNKNOWN,
                        literalCreateBody("John", PHONE)),
                401,
                2004);
    }

    @Test
    @PactTestFor(pactMethod = "createWithAnUnknownKey")
    void aCreateWithAnUnknownKeyFailsWithCode2004(MockServer server) {
        ContactCardClient client = client(server, UNKNOWN);

        assertRejected(
                server,
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
                        builder.given(READ_ONLY_KEY).given(NO_CARD).uponReceiving("a create with a read-only API key"),
                        READ_ONLY,
                        createBody("John", PHONE)),
                403,
                2005);
    }

    @Test
    @PactTestFor(pactMethod = "createWithAReadOnlyKey")
    void aCreateWithAReadOnlyKeyFailsWithCode2005(MockServer server) {
        ContactCardClient client = client(server, READ_ONLY);

        assertRejected(
                server,
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
                        builder.given(READ_WRITE_KEY)
                                .given(ACTIVE_CARD, card("John", "Doe", IMAGE))
                                .uponReceiving("a create for a number that already has an active card"),
                        READ_WRITE,
                        createBody("Jane", PHONE)),
                409,
                2014);
    }

    @Test
    @PactTestFor(pactMethod = "createForANumberWithAnActiveCard")
    void aCreateForANumberWithAnActiveCardFailsWithCode2014(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE);

        assertRejected(
                server,
                ConflictException.class,
                409,
                2014,
                () -> client.create(
                        new CreateContactCardRequest().firstName("Jane").phoneNumber(PHONE)));
    }

    // ------------------------------------------------------------------ requests

    private static PactDslRequestWithPath post(PactDslRequestWithoutPath request, String apiKey, DslPart body) {
        // Every create carries its own Idempotency-Key (a random UUID, and a new one on every replay).
        // The example value differs per body, so that no two interactions share one.
        UUID fromBody = UUID.nameUUIDFromBytes(body.toString().getBytes(StandardCharsets.UTF_8));
        String exampleKey = new UUID(
                        (fromBody.getMostSignificantBits() & ~0xF000L) | 0x4000L, fromBody.getLeastSignificantBits())
                .toString();
        return withJsonBody(
                newIdempotencyKey(authorization(request.path(PATH).method("POST"), apiKey), exampleKey), body);
    }

    /** A create's body for the number the interaction's state hands over. */
    private static DslPart createBody(String firstName, String phoneNumber) {
        return newJsonBody(body -> value(body.stringValue("first_name", firstName), "phone_number", phoneNumber))
                .build();
    }

    /** A create's body with a number no state chooses. */
    private static DslPart literalCreateBody(String firstName, String phoneNumber) {
        return newJsonBody(body -> body.stringValue("first_name", firstName).stringValue("phone_number", phoneNumber))
                .build();
    }
}
