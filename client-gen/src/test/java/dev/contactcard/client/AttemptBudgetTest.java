package dev.contactcard.client;

import static dev.contactcard.client.Fixtures.CARD_JSON;
import static dev.contactcard.client.Fixtures.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contactcard.client.model.CreateContactCardRequest;
import dev.contactcard.client.model.UpdateContactCardRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whatever the failure, at most {@code maxRetries + 1} requests of one call reach the server: the
 * transport never repeats a request on its own (the JDK's {@code HttpClient} silently sends a GET
 * again after a connection that broke before the answer, which doubled the count).
 */
class AttemptBudgetTest {

    enum Call {
        GET(client -> client.get(PHONE)),
        POST(client ->
                client.create(new CreateContactCardRequest().phoneNumber(PHONE).firstName("John"))),
        PATCH(client -> client.update(PHONE, new UpdateContactCardRequest().lastName("Smith")));

        final Consumer<ContactCardClient> invoke;

        Call(Consumer<ContactCardClient> invoke) {
            this.invoke = invoke;
        }
    }

    private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

    private ContactCardClient.Builder builder(String baseUrl) {
        return ContactCardClient.builder()
                .baseUrl(baseUrl)
                .apiKey(Fixtures.API_KEY)
                .sleeper(sleeper)
                .readTimeout(Duration.ofMillis(300))
                .connectTimeout(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "{0} with maxRetries({1}) after connection resets: {1} + 1 requests")
    @CsvSource({"GET, 0", "GET, 2", "POST, 0", "POST, 2", "PATCH, 0", "PATCH, 2"})
    void resetConnectionsNeverReachTheServerMoreThanMaxRetriesPlusOneTimes(Call call, int maxRetries)
            throws IOException {
        try (LoopbackServer server = new LoopbackServer((i, request) -> LoopbackServer.Action.reset())) {
            ContactCardClient client =
                    builder(server.baseUrl()).maxRetries(maxRetries).build();

            assertThatThrownBy(() -> call.invoke.accept(client)).isInstanceOf(ContactCardConnectionException.class);

            assertThat(server.count()).isEqualTo(maxRetries + 1);
            assertThat(sleeper.waits).hasSize(maxRetries);
        }
    }

    /** The case the JDK hid: its own second try succeeded, so the server had two requests. */
    @ParameterizedTest(name = "{0} with maxRetries(0): a reset is not silently retried")
    @EnumSource(Call.class)
    void withNoRetriesAResetIsReportedAndNotRepeatedEvenIfASecondTryWouldSucceed(Call call) throws IOException {
        String listJson = "{\"contact_cards\":[" + CARD_JSON + "]}";
        try (LoopbackServer server = new LoopbackServer((i, request) -> i == 0
                ? LoopbackServer.Action.reset()
                : LoopbackServer.Action.answer(200, request.method().equals("GET") ? listJson : CARD_JSON))) {
            ContactCardClient client = builder(server.baseUrl()).maxRetries(0).build();

            assertThatThrownBy(() -> call.invoke.accept(client)).isInstanceOf(ContactCardConnectionException.class);

            assertThat(server.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0} with maxRetries(2) against a server that never answers: 3 requests")
    @EnumSource(Call.class)
    void timeoutsNeverReachTheServerMoreThanMaxRetriesPlusOneTimes(Call call) throws IOException {
        try (LoopbackServer server = new LoopbackServer((i, request) -> LoopbackServer.Action.stall())) {
            ContactCardClient client = builder(server.baseUrl()).maxRetries(2).build();

            assertThatThrownBy(() -> call.invoke.accept(client)).isInstanceOf(ContactCardTimeoutException.class);

            assertThat(server.count()).isEqualTo(3);
            assertThat(sleeper.waits).hasSize(2);
        }
    }

    /**
     * Nothing listens, so nothing reaches a server: what is counted is each connection the client
     * opens (the transport is wrapped by a counter), which the JDK's client doubled too.
     */
    @ParameterizedTest(name = "{0} with maxRetries(2) against a closed port: 3 connection attempts")
    @EnumSource(Call.class)
    void refusedConnectionsAreTriedMaxRetriesPlusOneTimes(Call call) throws IOException {
        String baseUrl;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            baseUrl = "http://127.0.0.1:" + socket.getLocalPort() + "/api/partner";
        }
        AtomicInteger connects = new AtomicInteger();
        ContactCardClient client = builder(baseUrl)
                .maxRetries(2)
                .connectionListener(connects::incrementAndGet)
                .build();

        assertThatThrownBy(() -> call.invoke.accept(client)).isInstanceOf(ContactCardConnectionException.class);

        assertThat(connects).hasValue(3);
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void aSuccessfulCallIsOneRequest() throws IOException {
        try (LoopbackServer server = new LoopbackServer((i, request) -> LoopbackServer.Action.answer(200, CARD_JSON))) {
            builder(server.baseUrl())
                    .build()
                    .create(new CreateContactCardRequest().phoneNumber(PHONE).firstName("J"));

            assertThat(server.count()).isEqualTo(1);
        }
    }
}
