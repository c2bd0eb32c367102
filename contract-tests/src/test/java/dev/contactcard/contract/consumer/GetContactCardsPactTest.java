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
import static dev.contactcard.contract.consumer.FromProviderState.authorization;
import static dev.contactcard.contract.consumer.FromProviderState.phoneNumberQuery;
import static dev.contactcard.contract.consumer.FromProviderState.value;
import static dev.contactcard.contract.consumer.PactMismatches.against;
import static dev.contactcard.contract.verifier.states.ProviderStates.ACTIVE_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.INACTIVE_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.NO_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.OTHER_PARTNERS_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.PARTNER_WITHOUT_CARDS;
import static dev.contactcard.contract.verifier.states.ProviderStates.PARTNER_WITH_NO_OTHER_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.READ_ONLY_KEY;
import static dev.contactcard.contract.verifier.states.ProviderStates.READ_WRITE_KEY;
import static dev.contactcard.contract.verifier.states.ProviderStates.UNKNOWN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.contactcard.client.ContactCardClient;
import dev.contactcard.client.UnauthorizedException;
import dev.contactcard.client.model.ContactCard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the client relies on when it reads cards ({@code GET /v3/contact_card}): the listing of
 * every card ({@link ContactCardClient#list}), in order and possibly empty, and the card of one
 * number ({@link ContactCardClient#get}) in each state a card can be in, with the error codes a
 * get is refused with. The listing is the one interaction that needs a partner holding no other
 * card; its two cards have fixed numbers. The scaffolding the operations share, and why the pact
 * is built as it is: {@link ContactCardPact}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ContactCardPact.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
class GetContactCardsPactTest {

    /** One of the sandbox's failing test numbers (an inactive card's), ordered before {@link ContactCardPact#PHONE}. */
    private static final String EARLIER_PHONE = "+15005550042";

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

    // ------------------------------------------------------------------ provider states

    /** A card state at a fixed number, for a partner that holds no other card. */
    private static Map<String, Object> fixedCard(
            String phoneNumber, String firstName, String lastName, String imageUrl) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("phone_number", phoneNumber);
        params.putAll(card(firstName, lastName, imageUrl));
        return params;
    }

    // ------------------------------------------------------------------ requests and answers

    private static PactDslRequestWithPath get(PactDslRequestWithoutPath request) {
        return request.path(PATH).method("GET");
    }

    /** A get of the number the interaction's card state hands over. */
    private static PactDslRequestWithPath getOne(PactDslRequestWithoutPath request, String phoneNumber, String apiKey) {
        return phoneNumberQuery(authorization(get(request), apiKey), phoneNumber);
    }

    /** A list of exactly one card. */
    private static DslPart oneCard(Consumer<LambdaDslObject> card) {
        return newJsonBody(body -> body.array("contact_cards", cards -> cards.object(card)))
                .build();
    }
}
