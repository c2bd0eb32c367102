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
import static dev.contactcard.contract.consumer.FromProviderState.phoneNumberQuery;
import static dev.contactcard.contract.consumer.FromProviderState.value;
import static dev.contactcard.contract.consumer.PactMismatches.against;
import static dev.contactcard.contract.verifier.states.ProviderStates.ACTIVE_CARD;
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
import dev.contactcard.client.ContactCardClient;
import dev.contactcard.client.NotFoundException;
import dev.contactcard.client.PermissionDeniedException;
import dev.contactcard.client.UnauthorizedException;
import dev.contactcard.client.model.ContactCard;
import dev.contactcard.client.model.UpdateContactCardRequest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the client relies on when it updates a card ({@code PATCH /v3/contact_card}, {@link
 * ContactCardClient#update}): it sends only the fields it was given (an explicit {@code null}
 * clears one), and the provider merges them into the card, keeping the others; and every error
 * code an update is refused with. The scaffolding the operations share, and why the pact is built
 * as it is: {@link ContactCardPact}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ContactCardPact.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
class UpdateContactCardPactTest {

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

    // ------------------------------------------------------------------ requests

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
}
