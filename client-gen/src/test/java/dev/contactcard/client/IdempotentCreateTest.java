package dev.contactcard.client;

import static dev.contactcard.client.Fixtures.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contactcard.client.model.ContactCard;
import dev.contactcard.client.model.CreateContactCardRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A create is safe to retry: against a provider that stores the card and then loses the answer
 * (and, like the production API may, ignores {@code Idempotency-Key}), the caller gets its card,
 * never a {@link ConflictException} for the card its own call created.
 */
class IdempotentCreateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the provider answers a create it has just committed. */
    enum AfterCommit {
        ANSWER_500,
        RESET_CONNECTION,
        NEVER_ANSWER
    }

    /**
     * A provider on loopback that commits each create of a new number, then fails the first
     * {@code failures} of them as told; it refuses a create for a number that has a card with
     * 409/2014 and ignores the {@code Idempotency-Key} header.
     */
    static class CommittingProvider implements LoopbackServer.Handler {
        final Map<String, ObjectNode> cards = new ConcurrentHashMap<>();
        private final AfterCommit afterCommit;
        private int failures;

        CommittingProvider(AfterCommit afterCommit, int failures) {
            this.afterCommit = afterCommit;
            this.failures = failures;
        }

        @Override
        public synchronized LoopbackServer.Action handle(int index, LoopbackServer.Received request) {
            try {
                if (request.method().equals("GET")) {
                    String phone = URLDecoder.decode(
                            request.target().substring(request.target().indexOf('=') + 1), StandardCharsets.UTF_8);
                    ObjectNode card = cards.get(phone);
                    return LoopbackServer.Action.answer(
                            200, "{\"contact_cards\":[" + (card == null ? "" : JSON.writeValueAsString(card)) + "]}");
                }
                ObjectNode card = (ObjectNode) JSON.readTree(request.body());
                String phone = card.get("phone_number").asText();
                if (cards.containsKey(phone)) {
                    return LoopbackServer.Action.answer(409, Fixtures.errorJson(409, 2014, "exists"));
                }
                card.put("is_active", true);
                cards.put(phone, card); // committed
                if (failures-- > 0) {
                    switch (afterCommit) {
                        case ANSWER_500:
                            return LoopbackServer.Action.answer(500, Fixtures.errorJson(500, 3006, "lost"));
                        case RESET_CONNECTION:
                            return LoopbackServer.Action.reset();
                        default:
                            return LoopbackServer.Action.stall();
                    }
                }
                return LoopbackServer.Action.answer(200, JSON.writeValueAsString(card));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

    private ContactCardClient client(LoopbackServer server) {
        return ContactCardClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(Fixtures.API_KEY)
                .sleeper(sleeper)
                .readTimeout(Duration.ofSeconds(1))
                .build();
    }

    private static CreateContactCardRequest johnDoe() {
        return new CreateContactCardRequest()
                .phoneNumber(PHONE)
                .firstName("John")
                .lastName("Doe")
                .imageUrl("https://cdn.example.com/john.jpg");
    }

    private static List<LoopbackServer.Received> posts(LoopbackServer server) {
        return server.requests().stream()
                .filter(request -> request.method().equals("POST"))
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "answer lost by {0}: the caller gets its card")
    @EnumSource(AfterCommit.class)
    void aCreateWhoseStoredAttemptLostItsAnswerReturnsTheCardNotAConflict(AfterCommit afterCommit) throws IOException {
        try (LoopbackServer server = new LoopbackServer(new CommittingProvider(afterCommit, 1))) {
            ContactCard card = client(server).create(johnDoe());

            assertThat(card.getPhoneNumber()).isEqualTo(PHONE);
            assertThat(card.getFirstName()).isEqualTo("John");
            assertThat(card.getLastName()).isEqualTo("Doe");
            assertThat(card.getIsActive()).isTrue();
            // Usually POST, POST (409), GET; on a loaded machine one more attempt may time out.
            assertThat(posts(server)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(posts(server))
                    .extracting(request -> request.header("Idempotency-Key"))
                    .containsOnly(posts(server).get(0).header("Idempotency-Key"));
            assertThat(server.requests().get(server.count() - 1).method()).isEqualTo("GET");
        }
    }

    @Test
    void everyAttemptOfOneCreateCarriesTheSameNewIdempotencyKey() throws IOException {
        try (LoopbackServer server = new LoopbackServer(new CommittingProvider(AfterCommit.ANSWER_500, 1))) {
            ContactCardClient client = client(server);
            client.create(johnDoe());
            client.create(johnDoe().phoneNumber("+15551234568"));

            List<String> keys = posts(server).stream()
                    .map(request -> request.header("Idempotency-Key"))
                    .collect(Collectors.toList());
            assertThat(keys).hasSize(3).doesNotContainNull();
            assertThat(keys.get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(keys.get(1)).isEqualTo(keys.get(0));
            assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
        }
    }

    @Test
    void onlyCreatesCarryAnIdempotencyKey() throws IOException {
        try (LoopbackServer server = new LoopbackServer(new CommittingProvider(AfterCommit.ANSWER_500, 0))) {
            client(server).get(PHONE);

            assertThat(server.requests().get(0).header("Idempotency-Key")).isNull();
        }
    }

    @Test
    void aCardThatExistedWithOtherValuesIsStillAConflictAfterALostAnswer() throws IOException {
        CommittingProvider provider = new CommittingProvider(AfterCommit.ANSWER_500, 0) {
            private boolean failedOnce;

            @Override
            public synchronized LoopbackServer.Action handle(int index, LoopbackServer.Received request) {
                if (request.method().equals("POST") && !failedOnce) {
                    failedOnce = true; // not stored: someone else's card appears meanwhile
                    ObjectNode other = JSON.createObjectNode()
                            .put("phone_number", PHONE)
                            .put("first_name", "Jane")
                            .put("is_active", true);
                    cards.put(PHONE, other);
                    return LoopbackServer.Action.answer(503, Fixtures.errorJson(503, 3006, "busy"));
                }
                return super.handle(index, request);
            }
        };
        try (LoopbackServer server = new LoopbackServer(provider)) {
            assertThatThrownBy(() -> client(server).create(johnDoe()))
                    .isInstanceOfSatisfying(
                            ConflictException.class,
                            e -> assertThat(e.errorCode()).hasValue(2014));
            assertThat(server.requests())
                    .extracting(LoopbackServer.Received::method)
                    .containsExactly("POST", "POST", "GET");
        }
    }

    @Test
    void aConflictOnTheFirstAttemptIsAConflictWithoutReadingTheCardBack() throws IOException {
        CommittingProvider provider = new CommittingProvider(AfterCommit.ANSWER_500, 0);
        provider.cards.put(PHONE, (ObjectNode) JSON.readTree(Fixtures.CARD_JSON));
        try (LoopbackServer server = new LoopbackServer(provider)) {
            assertThatThrownBy(() -> client(server).create(johnDoe())).isInstanceOf(ConflictException.class);

            assertThat(server.requests())
                    .extracting(LoopbackServer.Received::method)
                    .containsExactly("POST");
        }
    }

    @Test
    void anIdenticalCardIsStillAConflictWhenNoEarlierAttemptCouldHaveStoredIt() throws IOException {
        // A 429 says the request was not processed: the 409 after it is someone else's card.
        CommittingProvider provider = new CommittingProvider(AfterCommit.ANSWER_500, 0) {
            private boolean limitedOnce;

            @Override
            public synchronized LoopbackServer.Action handle(int index, LoopbackServer.Received request) {
                if (request.method().equals("POST") && !limitedOnce) {
                    limitedOnce = true;
                    try {
                        ObjectNode same = (ObjectNode) JSON.readTree(request.body());
                        cards.put(PHONE, same.put("is_active", true));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return LoopbackServer.Action.answer(429, Fixtures.errorJson(429, 2020, "slow down"));
                }
                return super.handle(index, request);
            }
        };
        try (LoopbackServer server = new LoopbackServer(provider)) {
            assertThatThrownBy(() -> client(server).create(johnDoe())).isInstanceOf(ConflictException.class);

            assertThat(server.requests())
                    .extracting(LoopbackServer.Received::method)
                    .containsExactly("POST", "POST");
        }
    }

    @Test
    void theIdempotencyKeyCannotBeSetAsAnExtraHeader() {
        assertThatThrownBy(() -> ContactCardClient.builder().header("idempotency-key", "fixed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("new Idempotency-Key with each create call");
    }

    @Test
    void aCardIsRecognisedByItsFieldsAndTheImageByPresenceSinceTheApiRehostsIt() {
        CreateContactCardRequest sent = johnDoe();
        ContactCard rehosted = new ContactCard()
                .phoneNumber(PHONE)
                .firstName("John")
                .lastName("Doe")
                .imageUrl("https://cdn.linqapp.com/contact-card/abc.jpg")
                .isActive(true);

        assertThat(ContactCardClient.holdsWhatWasSent(rehosted, sent)).isTrue();
        assertThat(ContactCardClient.holdsWhatWasSent(rehosted.lastName("Smith"), sent))
                .isFalse();
        assertThat(ContactCardClient.holdsWhatWasSent(rehosted.lastName("Doe").imageUrl(null), sent))
                .isFalse();
        assertThat(ContactCardClient.holdsWhatWasSent(rehosted.imageUrl("x").firstName("Johnny"), sent))
                .isFalse();
    }
}
