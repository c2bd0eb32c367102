package dev.contactcard.contract.directory;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.contactcard.contract.consumer.FromProviderState.value;
import static dev.contactcard.contract.verifier.states.ProviderStates.ACTIVE_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.NO_CARD;
import static dev.contactcard.contract.verifier.states.ProviderStates.READ_ONLY_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.contactcard.contract.consumer.FromProviderState;
import dev.contactcard.contract.consumer.PactMismatches;
import dev.contactcard.contract.directory.DirectoryService.Listing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the directory service (another team's read-only consumer, {@link DirectoryService})
 * relies on: the list of cards and the look-up of one number, with a read-only key. Its pact is
 * written next to the client's, to {@code target/pacts/directory-service-contact-card-provider.json},
 * and verified and checked against the spec by the same code, which knows no consumer by name.
 *
 * <p>Like most consumers it matches loosely: it reads {@code phone_number}, {@code first_name},
 * {@code last_name} (when a card has one) and {@code is_active}, and does not care about order or
 * the image. Its listing holds every card of the partner, whatever else the partner holds; the
 * number it looks up is the one the provider state hands over.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "contact-card-provider", pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
class DirectoryServiceConsumerPactTest {

    private static final String CONSUMER = "directory-service";
    private static final String PATH = "/api/partner/v3/contact_card";
    private static final String KEY = "sandbox-ro-key";
    private static final String PHONE = "+15551234567";
    private static final String E164 = "^\\+[1-9]\\d{1,14}$";
    private static final Map<String, Object> JOHN_DOE = Map.of("first_name", "John", "last_name", "Doe");

    @Pact(consumer = CONSUMER)
    V4Pact listing(PactDslWithProvider builder) {
        return answered(
                get(builder.given(READ_ONLY_KEY)
                        .given(ACTIVE_CARD, JOHN_DOE)
                        .uponReceiving("a directory listing of every card")),
                // last_name is optional (cards without one are listed by their first name alone).
                newJsonBody(body -> body.minArrayLike(
                        "contact_cards",
                        1,
                        card -> card.stringMatcher("phone_number", E164, PHONE)
                                .stringType("first_name", "John")
                                .booleanType("is_active", true))));
    }

    @Test
    @PactTestFor(pactMethod = "listing")
    void theDirectoryListsEveryActiveCardByName(MockServer server) {
        List<Listing> everyone =
                PactMismatches.against(server, () -> directory(server).everyone());

        assertThat(everyone).containsExactly(new Listing(PHONE, "John"));
    }

    @Pact(consumer = CONSUMER)
    V4Pact lookUpOfACard(PactDslWithProvider builder) {
        return answered(
                lookUp(get(builder.given(READ_ONLY_KEY)
                        .given(ACTIVE_CARD, JOHN_DOE)
                        .uponReceiving("a directory look-up of a number with a card"))),
                newJsonBody(body -> body.minMaxArrayLike(
                        "contact_cards",
                        1,
                        1,
                        card -> value(card, "phone_number", PHONE)
                                .stringType("first_name", "John")
                                .stringType("last_name", "Doe")
                                .booleanValue("is_active", true))));
    }

    @Test
    @PactTestFor(pactMethod = "lookUpOfACard")
    void theDirectoryLooksUpTheCardOfANumber(MockServer server) {
        Optional<Listing> listing =
                PactMismatches.against(server, () -> directory(server).lookUp(PHONE));

        assertThat(listing).map(Listing::displayName).contains("John Doe");
    }

    @Pact(consumer = CONSUMER)
    V4Pact lookUpWithoutACard(PactDslWithProvider builder) {
        return answered(
                lookUp(get(builder.given(READ_ONLY_KEY)
                        .given(NO_CARD)
                        .uponReceiving("a directory look-up of a number without a card"))),
                newJsonBody(body -> body.array("contact_cards", cards -> {})));
    }

    @Test
    @PactTestFor(pactMethod = "lookUpWithoutACard")
    void theDirectoryFindsNothingForANumberWithoutACard(MockServer server) {
        Optional<Listing> listing =
                PactMismatches.against(server, () -> directory(server).lookUp(PHONE));

        assertThat(listing).isEmpty();
    }

    private static DirectoryService directory(MockServer server) {
        return new DirectoryService(server.getUrl() + "/api/partner", KEY);
    }

    /** The key is the one the provider state hands over. */
    private static PactDslRequestWithPath get(PactDslRequestWithoutPath request) {
        return FromProviderState.authorization(request.path(PATH).method("GET"), KEY);
    }

    /** The number looked up is the one the provider state hands over. */
    private static PactDslRequestWithPath lookUp(PactDslRequestWithPath request) {
        return FromProviderState.phoneNumberQuery(request, PHONE);
    }

    private static V4Pact answered(
            PactDslRequestWithPath request, au.com.dius.pact.consumer.dsl.LambdaDslJsonBody body) {
        return request.willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "^application/json(;\\s?charset=(?i)utf-8)?$", "application/json")
                .body(FromProviderState.exactly(body.build()))
                .toPact(V4Pact.class);
    }
}
