package dev.contactcard.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.contactcard.contract.consumer.FromProviderState.exactly;
import static dev.contactcard.contract.consumer.PactMismatches.calling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.core.model.V4Pact;
import dev.contactcard.client.ContactCardClient;
import dev.contactcard.client.ContactCardServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;

/**
 * What the Contact Card client other teams call relies on, one test class per operation ({@link
 * CreateContactCardPactTest}, {@link GetContactCardsPactTest}, {@link UpdateContactCardPactTest}):
 * one {@code @Pact} and one test per interaction, each driving {@link ContactCardClient} itself
 * against Pact's mock server. Here: the names of the pact, the example values, and the request and
 * answer scaffolding the three share.
 *
 * <p>Every behaviour the client branches on or hands to its caller is recorded, so that the pact
 * alone pins it for a provider we do not own: each state a card can be in (none, active, inactive,
 * another partner's), a field kept, cleared or never sent, the order and emptiness of a list, and
 * every error code the client turns into an exception. Provider states are sentences with
 * parameters that say exactly what the provider must hold (the card's fields included, {@link
 * #card}), so the answers can pin the fields an update leaves untouched.
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
 *
 * <p>The three classes write one pact, {@code contact-card-client-contact-card-provider.json}:
 * Pact merges each class's interactions into the file (its default writer mode; overwriting would
 * leave only the last class's). The build empties the pact directory before the tests run, so
 * that no interaction of an earlier build stays in it.
 */
final class ContactCardPact {

    static final String PROVIDER = "contact-card-provider";
    static final String CONSUMER = "contact-card-client";

    static final String PATH = "/api/partner/v3/contact_card";
    private static final String JSON = "^application/json(;\\s?charset=(?i)utf-8)?$";

    static final String PHONE = "+15551234567";

    /** The keys the consumer tests call with; provider verification sends the keys its key states hand over. */
    static final String READ_WRITE = "sandbox-rw-key";

    static final String READ_ONLY = "sandbox-ro-key";
    static final String UNKNOWN = "not-a-key";
    static final String IMAGE = "https://cdn.linqapp.com/contact-card/example.jpg";

    private ContactCardPact() {}

    // ------------------------------------------------------------------ provider states

    /**
     * The parameters of a card state: every field the card holds (a missing one: the card has
     * none); its number is fresh, chosen by the state and handed to the interaction.
     */
    static Map<String, Object> card(String firstName, String lastName, String imageUrl) {
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

    // ------------------------------------------------------------------ requests and answers

    static ContactCardClient client(MockServer server, String apiKey) {
        // No retries: every interaction is answered once, and a retry would be an unexpected request.
        return ContactCardClient.builder()
                .baseUrl(server.getUrl() + "/api/partner")
                .apiKey(apiKey)
                .maxRetries(0)
                .build();
    }

    static PactDslRequestWithPath withJsonBody(PactDslRequestWithPath request, DslPart body) {
        // The header first: body() would otherwise expect "application/json; charset=UTF-8".
        return request.matchHeader("Content-Type", JSON, "application/json").body(exactly(body));
    }

    static V4Pact answered(PactDslRequestWithPath request, DslPart body) {
        return request.willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(exactly(body))
                .toPact(V4Pact.class);
    }

    static V4Pact rejected(PactDslRequestWithPath request, int status, int code) {
        return request.willRespondWith()
                .status(status)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(error(status, code))
                .toPact(V4Pact.class);
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

    static <T extends ContactCardServiceException> void assertRejected(
            MockServer server, Class<T> type, int status, int code, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(calling(server, call)).isInstanceOfSatisfying(type, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.errorCode()).hasValue(code);
            assertThat(e.errorMessage())
                    .hasValueSatisfying(message -> assertThat(message).isNotBlank());
        });
    }
}
