package dev.contactcard.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.contactcard.contract.consumer.FromProviderState.authorization;
import static dev.contactcard.contract.consumer.FromProviderState.exactly;
import static dev.contactcard.contract.consumer.FromProviderState.newIdempotencyKey;
import static dev.contactcard.contract.consumer.FromProviderState.phoneNumberQuery;
import static dev.contactcard.contract.consumer.FromProviderState.value;
import static dev.contactcard.contract.consumer.PactMismatches.against;
import static dev.contactcard.contract.consumer.PactMismatches.calling;
import static dev.contactcard.contract.verifier.states.ProviderStates.ACTIVE_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.APPLY_FAILS;
import static dev.contactcard.contract.verifier.states.ProviderStates.COUNTRY_CALLING_CODE;
import static dev.contactcard.contract.verifier.states.ProviderStates.INACTIVE_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.NO_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.OTHER_PARTNERS_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.PARTNER_WITHOUT_CARDS;
import static dev.contactcard.contract.verifier.states.ProviderStates.PARTNER_WITH_NO_OTHER_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.READ_ONLY_KEY;
import static dev.contactcard.contract.verifier.states.ProviderStates.READ_WRITE_KEY;
import static dev.contactcard.contract.verifier.states.ProviderStates.UNKNOWN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
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
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Contact Card client other teams call relies on: one {@code @Pact} and one test per
 * interaction, each driving {@link ContactCardClient} itself against Pact's mock server.
 *
 * <p>Every behaviour the client branches on or hands to its caller is recorded here, so that the
 * pact alone pins it for a provider we do not own: each state a card can be in (none, active,
 * inactive, another partner's), a field kept, cleared or never sent, the order and emptiness of
 * a list, and every error code the client turns into an exception. Provider states are
 * sentences with parameters that say exactly what the provider must hold (the card's fields
 * included), so the answers can pin the fields an update leaves untouched.
 *
 * <p>No interaction relies on an emptied provider: each names the key it is sent with (a key
 * state), and takes the key, the phone number and the hosted image URL from its states ({@link
 * FromProviderState}), which set them up through the public API with a fresh number each time.
 * The one exception is the listing of every card, which needs a partner that holds no other card
 * ({@code the partner has no other card}): its two cards have fixed numbers, which the states
 * create or update each time.
 *
 * <p>Values the provider chooses are matched by type or pattern; values the contract or the
 * provider state fixes are matched exactly. The {@code Authorization}, {@code Content-Type} and
 * (on creates) {@code Idempotency-Key} request headers are matched by pattern: Feign sends {@code
 * application/json} without a charset, and the key is a new random UUID for every create call
 * (and for every replay of the interaction). Every call goes through {@link PactMismatches}, so a
 * request the pact does not expect fails with Pact's mismatch, not with the client's view of the
 * mock server's 500.
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
    private static final String JSON = "^application/json(;\\s?charset=(?i)utf-8)?$";
    private static final String HTTP_URL = "^https?://\\S+$";

    private static final String PHONE = "+15551234567";
    /** One of the sandbox's failing test numbers (an inactive card's), ordered before {@link #PHONE}. */
    static final String EARLIER_PHONE = "+15005550042";
    /** A United Kingdom mobile number: E.164, but not North American. */
    private static final String UK_PHONE = "+447700900123";

    private static final String FAILING_PHONE = "+15005550001";
    /** The keys the consumer tests call with; provider verification sends the keys its key states hand over. */
    private static final String READ_WRITE = "sandbox-rw-key";

    private static final String READ_ONLY = "sandbox-ro-key";
    private static final String UNKNOWN = "not-a-key";
    private static final String IMAGE = "https://cdn.linqapp.com/contact-card/example.jpg";
    /** The longest first name the spec allows: exactly 100 characters. */
    private static final String LONGEST_NAME =
            "Wolfeschlegelsteinhausenbergerdorff".repeat(3).substring(0, 100);

    // ------------------------------------------------------------------ create

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

    // ------------------------------------------------------------------ list

    @Pact(consumer = CONSUMER)
    V4Pact listTwoCardsInOrder(PactDslWithProvider builder) {
        // The inactive card is listed too, and the cards come ordered by phone number, whatever
        // the order they were stored in. The partner holds only these two cards; they keep their
        // numbers from one verification to the next (the states create or update them).
        return answered(
                authorization(
                        get(builder.given(PARTNER_WITH_NO_OTHER_CARD)
                                .given(ACTIVE_CARD, fixedCard(PHONE, "John", "Doe", IMAGE))
                                .given(INACTIVE_CARD, fixedCard(EARLIER_PHONE, "Ada", null, null))
                                .uponReceiving("a get of every card of a partner with two cards")),
                        READ_WRITE),
                newJsonBody(body -> body.array("contact_cards", cards -> {
                            cards.object(card -> card.stringValue("phone_number", EARLIER_PHONE)
                                    .stringValue("first_name", "Ada")
                                    .booleanValue("is_active", false));
                            cards.object(card -> value(
                                            card.stringValue("phone_number", PHONE)
                                                    .stringValue("first_name", "John")
                                                    .stringValue("last_name", "Doe"),
                                            "image_url",
                                            IMAGE)
                                    .booleanValue("is_active", true));
                        }))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "listTwoCardsInOrder")
    void aGetOfEveryCardReturnsThemOrderedByPhoneNumberActiveOrNot(MockServer server) {
        List<ContactCard> cards =
                against(server, () -> client(server, READ_WRITE).list());

        assertThat(cards).extracting(ContactCard::getPhoneNumber).containsExactly(EARLIER_PHONE, PHONE);
        assertThat(cards).extracting(ContactCard::getIsActive).containsExactly(false, true);
    }

    @Pact(consumer = CONSUMER)
    V4Pact listWithoutCards(PactDslWithProvider builder) {
        return answered(
                authorization(
                        get(builder.given(PARTNER_WITHOUT_CARDS)
                                .uponReceiving("a get of every card of a partner without cards")),
                        READ_WRITE),
                // An empty array, exactly: not a missing list, not null.
                newJsonBody(body -> body.array("contact_cards", cards -> {})).build());
    }

    @Test
    @PactTestFor(pactMethod = "listWithoutCards")
    void aGetOfEveryCardOfAPartnerWithoutCardsIsAnEmptyList(MockServer server) {
        List<ContactCard> cards =
                against(server, () -> client(server, READ_WRITE).list());

        assertThat(cards).isEmpty();
    }

    // ------------------------------------------------------------------ get one

    @Pact(consumer = CONSUMER)
    V4Pact getOneNumber(PactDslWithProvider builder) {
        return answered(
                getOne(
                        builder.given(READ_WRITE_KEY)
                                .given(ACTIVE_CARD, card("John", "Doe", IMAGE))
                                .uponReceiving("a get of the card of one number"),
                        PHONE,
                        READ_WRITE),
                oneCard(card -> value(
                                value(card, "phone_number", PHONE)
                                        .stringValue("first_name", "John")
                                        .stringValue("last_name", "Doe"),
                                "image_url",
                                IMAGE)
                        .booleanValue("is_active", true)));
    }

    @Test
    @PactTestFor(pactMethod = "getOneNumber")
    void aGetOfOneNumberReturnsItsCard(MockServer server) {
        Optional<ContactCard> card =
                against(server, () -> client(server, READ_WRITE).get(PHONE));

        assertThat(card).hasValueSatisfying(found -> {
            assertThat(found.getPhoneNumber()).isEqualTo(PHONE);
            assertThat(found.getFirstName()).isEqualTo("John");
            assertThat(found.getLastName()).isEqualTo("Doe");
            assertThat(found.getImageUrl()).isEqualTo(IMAGE);
            assertThat(found.getIsActive()).isTrue();
        });
    }

    @Pact(consumer = CONSUMER)
    V4Pact getAnInactiveCard(PactDslWithProvider builder) {
        return answered(
                getOne(
                        builder.given(READ_WRITE_KEY)
                                .given(INACTIVE_CARD, card("John", null, null))
                                .uponReceiving("a get of a number whose card is inactive"),
                        PHONE,
                        READ_WRITE),
                oneCard(card -> value(card, "phone_number", PHONE)
                        .stringValue("first_name", "John")
                        .booleanValue("is_active", false)));
    }

    @Test
    @PactTestFor(pactMethod = "getAnInactiveCard")
    void aGetOfANumberWhoseCardIsInactiveReturnsItAsInactive(MockServer server) {
        Optional<ContactCard> card =
                against(server, () -> client(server, READ_WRITE).get(PHONE));

        assertThat(card)
                .hasValueSatisfying(found -> assertThat(found.getIsActive()).isFalse());
    }

    @Pact(consumer = CONSUMER)
    V4Pact getANumberWithoutACard(PactDslWithProvider builder) {
        return answered(
                getOne(
                        builder.given(READ_WRITE_KEY).given(NO_CARD).uponReceiving("a get of a number without a card"),
                        PHONE,
                        READ_WRITE),
                // 200 and an empty array, not 404: the client turns it into Optional.empty().
                newJsonBody(body -> body.array("contact_cards", cards -> {})).build());
    }

    @Test
    @PactTestFor(pactMethod = "getANumberWithoutACard")
    void aGetOfANumberWithoutACardIsEmpty(MockServer server) {
        Optional<ContactCard> card =
                against(server, () -> client(server, READ_WRITE).get(PHONE));

        assertThat(card).isEmpty();
    }

    @Pact(consumer = CONSUMER)
    V4Pact getANumberOnlyAnotherPartnerHas(PactDslWithProvider builder) {
        return answered(
                getOne(
                        builder.given(READ_WRITE_KEY)
                                .given(OTHER_PARTNERS_CARD, card("Mallory", null, null))
                                .uponReceiving("a get of a number whose only card belongs to another partner"),
                        PHONE,
                        READ_WRITE),
                newJsonBody(body -> body.array("contact_cards", cards -> {})).build());
    }

    @Test
    @PactTestFor(pactMethod = "getANumberOnlyAnotherPartnerHas")
    void aGetNeverShowsAnotherPartnersCard(MockServer server) {
        Optional<ContactCard> card =
                against(server, () -> client(server, READ_WRITE).get(PHONE));

        assertThat(card).isEmpty();
    }

    @Pact(consumer = CONSUMER)
    V4Pact getWithAReadOnlyKey(PactDslWithProvider builder) {
        return answered(
                getOne(
                        builder.given(READ_ONLY_KEY)
                                .given(ACTIVE_CARD, card("John", "Doe", IMAGE))
                                .uponReceiving("a get with a read-only API key"),
                        PHONE,
                        READ_ONLY),
                oneCard(card -> value(card, "phone_number", PHONE)
                        .stringValue("first_name", "John")
                        .booleanValue("is_active", true)));
    }

    @Test
    @PactTestFor(pactMethod = "getWithAReadOnlyKey")
    void aReadOnlyKeyMayGet(MockServer server) {
        Optional<ContactCard> card =
                against(server, () -> client(server, READ_ONLY).get(PHONE));

        assertThat(card).map(ContactCard::getFirstName).contains("John");
    }

    @Pact(consumer = CONSUMER)
    V4Pact getWithAnUnknownKey(PactDslWithProvider builder) {
        return rejected(
                authorization(
                        get(builder.given(UNKNOWN_KEY).uponReceiving("a get with an unknown API key"))
                                .matchQuery("phone_number", Pattern.quote(PHONE), PHONE),
                        UNKNOWN),
                401,
                2004);
    }

    @Test
    @PactTestFor(pactMethod = "getWithAnUnknownKey")
    void aGetWithAnUnknownKeyFailsWithCode2004(MockServer server) {
        ContactCardClient client = client(server, UNKNOWN);

        assertRejected(server, UnauthorizedException.class, 401, 2004, () -> client.get(PHONE));
    }

    @Pact(consumer = CONSUMER)
    V4Pact getWithAnInvalidNumber(PactDslWithProvider builder) {
        return rejected(
                authorization(
                        get(builder.given(READ_WRITE_KEY)
                                        .uponReceiving("a get with a phone number not in E.164 format"))
                                .query("phone_number=12345"),
                        READ_WRITE),
                400,
                1002);
    }

    @Test
    @PactTestFor(pactMethod = "getWithAnInvalidNumber")
    void aGetWithAnInvalidNumberFailsWithCode1002(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE);

        assertRejected(server, BadRequestException.class, 400, 1002, () -> client.get("12345"));
    }

    // ------------------------------------------------------------------ update

    @Pact(consumer = CONSUMER)
    V4Pact updateTheLastNameOnly(PactDslWithProvider builder) {
        return answered(
                patch(
                        builder.given(READ_WRITE_KEY)
                                .given(ACTIVE_CARD, card("John", "Doe", IMAGE))
                                .uponReceiving("an update that changes only the last name"),
                        PHONE,
                        READ_WRITE,
                        // Exactly this body: a client that also sent the unchanged fields, or nulls, breaks it.
                        newJsonBody(body -> body.stringValue("last_name", "Smith"))
                                .build()),
                // Merge, not replace: the first name and the image the body left out are kept.
                newJsonBody(body -> value(
                                        value(body, "phone_number", PHONE)
                                                .stringValue("first_name", "John")
                                                .stringValue("last_name", "Smith"),
                                        "image_url",
                                        IMAGE)
                                .booleanValue("is_active", true))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "updateTheLastNameOnly")
    void anUpdateSendsOnlyTheChangedFieldAndKeepsTheOthers(MockServer server) {
        ContactCard card = against(
                server,
                () -> client(server, READ_WRITE).update(PHONE, new UpdateContactCardRequest().lastName("Smith")));

        assertThat(card.getLastName()).isEqualTo("Smith");
        assertThat(card.getFirstName()).isEqualTo("John");
        assertThat(card.getImageUrl()).isEqualTo(IMAGE);
        assertThat(card.getIsActive()).isTrue();
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateThatClearsTheImage(PactDslWithProvider builder) {
        return answered(
                patch(
                        builder.given(READ_WRITE_KEY)
                                .given(ACTIVE_CARD, card("John", "Doe", IMAGE))
                                .uponReceiving("an update that removes the image"),
                        PHONE,
                        READ_WRITE,
                        newJsonBody(body -> body.nullValue("image_url")).build()),
                newJsonBody(body -> value(body, "phone_number", PHONE)
                                .stringValue("first_name", "John")
                                .stringValue("last_name", "Doe")
                                .booleanValue("is_active", true))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "updateThatClearsTheImage")
    void anUpdateClearsTheImageWithAnExplicitNullAndKeepsTheNames(MockServer server) {
        ContactCard card = against(
                server, () -> client(server, READ_WRITE).update(PHONE, new UpdateContactCardRequest().imageUrl(null)));

        assertThat(card.getImageUrl()).isNull();
        assertThat(card.getFirstName()).isEqualTo("John");
        assertThat(card.getLastName()).isEqualTo("Doe");
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateThatClearsTheLastName(PactDslWithProvider builder) {
        return answered(
                patch(
                        builder.given(READ_WRITE_KEY)
                                .given(ACTIVE_CARD, card("John", "Doe", IMAGE))
                                .uponReceiving("an update that removes the last name"),
                        PHONE,
                        READ_WRITE,
                        newJsonBody(body -> body.nullValue("last_name")).build()),
                newJsonBody(body -> value(
                                        value(body, "phone_number", PHONE).stringValue("first_name", "John"),
                                        "image_url",
                                        IMAGE)
                                .booleanValue("is_active", true))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "updateThatClearsTheLastName")
    void anUpdateClearsTheLastNameWithAnExplicitNullAndKeepsTheImage(MockServer server) {
        ContactCard card = against(
                server, () -> client(server, READ_WRITE).update(PHONE, new UpdateContactCardRequest().lastName(null)));

        assertThat(card.getLastName()).isNull();
        assertThat(card.getImageUrl()).isEqualTo(IMAGE);
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateWithNothingToChange(PactDslWithProvider builder) {
        return answered(
                patch(
                        builder.given(READ_WRITE_KEY)
                                .given(ACTIVE_CARD, card("John", "Doe", IMAGE))
                                .uponReceiving("an update with an empty body"),
                        PHONE,
                        READ_WRITE,
                        newJsonBody(body -> {}).build()),
                newJsonBody(body -> value(
                                        value(body, "phone_number", PHONE)
                                                .stringValue("first_name", "John")
                                                .stringValue("last_name", "Doe"),
                                        "image_url",
                                        IMAGE)
                                .booleanValue("is_active", true))
                        .build());
    }

    @Test
    @PactTestFor(pactMethod = "updateWithNothingToChange")
    void anEmptyUpdateReturnsTheCardUnchanged(MockServer server) {
        ContactCard card =
                against(server, () -> client(server, READ_WRITE).update(PHONE, new UpdateContactCardRequest()));

        assertThat(card.getFirstName()).isEqualTo("John");
        assertThat(card.getLastName()).isEqualTo("Doe");
        assertThat(card.getImageUrl()).isEqualTo(IMAGE);
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateWithABlankFirstName(PactDslWithProvider builder) {
        return rejected(
                patch(
                        builder.given(READ_WRITE_KEY)
                                .given(ACTIVE_CARD, card("John", "Doe", IMAGE))
                                .uponReceiving("an update with a blank first name"),
                        PHONE,
                        READ_WRITE,
                        newJsonBody(body -> body.stringValue("first_name", "   "))
                                .build()),
                400,
                1003);
    }

    @Test
    @PactTestFor(pactMethod = "updateWithABlankFirstName")
    void anUpdateWithABlankFirstNameFailsWithCode1003(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE);

        assertRejected(
                server,
                BadRequestException.class,
                400,
                1003,
                () -> client.update(PHONE, new UpdateContactCardRequest().firstName("   ")));
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateWithoutACard(PactDslWithProvider builder) {
        return rejected(
                patch(
                        builder.given(READ_WRITE_KEY)
                                .given(NO_CARD)
                                .uponReceiving("an update of a number without a card"),
                        PHONE,
                        READ_WRITE,
                        newJsonBody(body -> body.stringValue("first_name", "Jane"))
                                .build()),
                404,
                2013);
    }

    @Test
    @PactTestFor(pactMethod = "updateWithoutACard")
    void anUpdateOfANumberWithoutACardFailsWithCode2013(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE);

        assertRejected(
                server,
                NotFoundException.class,
                404,
                2013,
                () -> client.update(PHONE, new UpdateContactCardRequest().firstName("Jane")));
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateOfAnInactiveCard(PactDslWithProvider builder) {
        return rejected(
                patch(
                        builder.given(READ_WRITE_KEY)
                                .given(INACTIVE_CARD, card("John", null, null))
                                .uponReceiving("an update of a number whose card is inactive"),
                        PHONE,
                        READ_WRITE,
                        newJsonBody(body -> body.stringValue("first_name", "Jane"))
                                .build()),
                404,
                2013);
    }

    @Test
    @PactTestFor(pactMethod = "updateOfAnInactiveCard")
    void anUpdateOfANumberWhoseCardIsInactiveFailsWithCode2013(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE);

        assertRejected(
                server,
                NotFoundException.class,
                404,
                2013,
                () -> client.update(PHONE, new UpdateContactCardRequest().firstName("Jane")));
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateWithAReadOnlyKey(PactDslWithProvider builder) {
        return rejected(
                patch(
                        builder.given(READ_ONLY_KEY)
                                .given(ACTIVE_CARD, card("John", "Doe", IMAGE))
                                .uponReceiving("an update with a read-only API key"),
                        PHONE,
                        READ_ONLY,
                        newJsonBody(body -> body.stringValue("last_name", "Smith"))
                                .build()),
                403,
                2005);
    }

    @Test
    @PactTestFor(pactMethod = "updateWithAReadOnlyKey")
    void anUpdateWithAReadOnlyKeyFailsWithCode2005(MockServer server) {
        ContactCardClient client = client(server, READ_ONLY);

        assertRejected(
                server,
                PermissionDeniedException.class,
                403,
                2005,
                () -> client.update(PHONE, new UpdateContactCardRequest().lastName("Smith")));
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateWithAnUnknownKey(PactDslWithProvider builder) {
        return rejected(
                literalPatch(
                        builder.given(UNKNOWN_KEY).uponReceiving("an update with an unknown API key"),
                        PHONE,
                        UNKNOWN,
                        newJsonBody(body -> body.stringValue("last_name", "Smith"))
                                .build()),
                401,
                2004);
    }

    @Test
    @PactTestFor(pactMethod = "updateWithAnUnknownKey")
    void anUpdateWithAnUnknownKeyFailsWithCode2004(MockServer server) {
        ContactCardClient client = client(server, UNKNOWN);

        assertRejected(
                server,
                UnauthorizedException.class,
                401,
                2004,
                () -> client.update(PHONE, new UpdateContactCardRequest().lastName("Smith")));
    }

    @Pact(consumer = CONSUMER)
    V4Pact updateWithAnInvalidNumber(PactDslWithProvider builder) {
        return rejected(
                literalPatch(
                        builder.given(READ_WRITE_KEY)
                                .uponReceiving("an update with a phone number not in E.164 format"),
                        "12345",
                        READ_WRITE,
                        newJsonBody(body -> body.stringValue("first_name", "Jane"))
                                .build()),
                400,
                1002);
    }

    @Test
    @PactTestFor(pactMethod = "updateWithAnInvalidNumber")
    void anUpdateWithAnInvalidNumberFailsWithCode1002(MockServer server) {
        ContactCardClient client = client(server, READ_WRITE);

        assertRejected(
                server,
                BadRequestException.class,
                400,
                1002,
                () -> client.update("12345", new UpdateContactCardRequest().firstName("Jane")));
    }

    // ------------------------------------------------------------------ provider states

    /**
     * The parameters of a card state: every field the card holds (a missing one: the card has
     * none); its number is fresh, chosen by the state and handed to the interaction.
     */
    private static Map<String, Object> card(String firstName, String lastName, String imageUrl) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("first_name", firstName);
        if (lastName != null) {
            params.put("last_name", lastName);
        }
        if (imageUrl != null) {
            params.put("image_url", imageUrl);
        }
        return params;
    }

    /** A card state at a fixed number, for a partner that holds no other card. */
    private static Map<String, Object> fixedCard(
            String phoneNumber, String firstName, String lastName, String imageUrl) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("phone_number", phoneNumber);
        params.putAll(card(firstName, lastName, imageUrl));
        return params;
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

    private static PactDslRequestWithPath get(PactDslRequestWithoutPath request) {
        return request.path(PATH).method("GET");
    }

    /** A get of the number the interaction's card state hands over. */
    private static PactDslRequestWithPath getOne(PactDslRequestWithoutPath request, String phoneNumber, String apiKey) {
        return phoneNumberQuery(authorization(get(request), apiKey), phoneNumber);
    }

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

    /** An update of the number the interaction's card state hands over. */
    private static PactDslRequestWithPath patch(
            PactDslRequestWithoutPath request, String phoneNumber, String apiKey, DslPart body) {
        return withJsonBody(
                phoneNumberQuery(authorization(request.path(PATH).method("PATCH"), apiKey), phoneNumber), body);
    }

    /** An update of a number no state chooses: one that is never a card's (invalid, or refused before it is read). */
    private static PactDslRequestWithPath literalPatch(
            PactDslRequestWithoutPath request, String phoneNumber, String apiKey, DslPart body) {
        return withJsonBody(
                authorization(request.path(PATH).method("PATCH"), apiKey)
                        .matchQuery("phone_number", Pattern.quote(phoneNumber), phoneNumber),
                body);
    }

    private static PactDslRequestWithPath withJsonBody(PactDslRequestWithPath request, DslPart body) {
        // The header first: body() would otherwise expect "application/json; charset=UTF-8".
        return request.matchHeader("Content-Type", JSON, "application/json").body(exactly(body));
    }

    private static V4Pact answered(PactDslRequestWithPath request, DslPart body) {
        return request.willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(exactly(body))
                .toPact(V4Pact.class);
    }

    private static V4Pact rejected(PactDslRequestWithPath request, int status, int code) {
        return request.willRespondWith()
                .status(status)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(error(status, code))
                .toPact(V4Pact.class);
    }

    /** A list of exactly one card. */
    private static DslPart oneCard(java.util.function.Consumer<LambdaDslObject> card) {
        return newJsonBody(body -> body.array("contact_cards", cards -> cards.object(card)))
                .build();
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
            MockServer server, Class<T> type, int status, int code, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(calling(server, call)).isInstanceOfSatisfying(type, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.errorCode()).hasValue(code);
            assertThat(e.errorMessage())
                    .hasValueSatisfying(message -> assertThat(message).isNotBlank());
        });
    }
}
