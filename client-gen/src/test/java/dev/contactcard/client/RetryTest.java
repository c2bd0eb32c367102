package dev.contactcard.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.contactcard.client.Fixtures.CARD_JSON;
import static dev.contactcard.client.Fixtures.PATH;
import static dev.contactcard.client.Fixtures.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.contactcard.client.model.ContactCard;
import dev.contactcard.client.model.CreateContactCardRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

    @RegisterExtension
    static WireMockExtension server = Fixtures.wireMock();

    private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

    private void listAnswers(int status, String... headers) {
        var response = aResponse().withStatus(status).withBody(Fixtures.errorJson(status, 3006, "boom"));
        for (int i = 0; i < headers.length; i += 2) {
            response = response.withHeader(headers[i], headers[i + 1]);
        }
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(response));
    }

    @Test
    void byDefaultAFailingCallIsTriedThreeTimesWithHalfASecondThenOneSecondBetween() {
        listAnswers(503);
        ContactCardClient client =
                Fixtures.builder(server, sleeper).random(() -> 0.0).build();

        assertThatThrownBy(client::list).isInstanceOf(InternalServerException.class);

        server.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void theBackoffDoublesUpToTheEightSecondCap() {
        listAnswers(500);
        ContactCardClient client = Fixtures.builder(server, sleeper)
                .maxRetries(7)
                .random(() -> 0.0)
                .build();

        assertThatThrownBy(client::list).isInstanceOf(InternalServerException.class);

        server.verify(8, getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(sleeper.waits)
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(8));
    }

    @Test
    void jitterShortensEachWaitByAtMostAQuarter() {
        listAnswers(502);
        ContactCardClient client =
                Fixtures.builder(server, sleeper).maxRetries(5).build();

        assertThatThrownBy(client::list).isInstanceOf(InternalServerException.class);

        long[] ceilings = {500, 1000, 2000, 4000, 8000};
        assertThat(sleeper.waits).hasSize(5);
        for (int i = 0; i < ceilings.length; i++) {
            assertThat(sleeper.waits.get(i))
                    .isLessThanOrEqualTo(Duration.ofMillis(ceilings[i]))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(ceilings[i] * 3 / 4));
        }
    }

    @Test
    void theLargestJitterTakesAQuarterOff() {
        listAnswers(500);
        ContactCardClient client = Fixtures.builder(server, sleeper)
                .maxRetries(1)
                .random(() -> 1.0)
                .build();

        assertThatThrownBy(client::list).isInstanceOf(InternalServerException.class);

        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(375));
    }

    @Test
    void aCallThatSucceedsAfterTwoFailuresReturnsTheResult() {
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("failed once"));
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(408))
                .willSetStateTo("failed twice"));
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs("failed twice")
                .willReturn(okJson(CARD_JSON)));

        ContactCard card = Fixtures.builder(server, sleeper)
                .build()
                .create(new CreateContactCardRequest().phoneNumber(PHONE).firstName("John"));

        assertThat(card.getPhoneNumber()).isEqualTo(PHONE);
        server.verify(3, postRequestedFor(urlEqualTo(PATH)));
        assertThat(sleeper.waits).hasSize(2);
    }

    /** Rows: the 429's headers (name=value;...) and the wait they ask for; no jitter. */
    @ParameterizedTest(name = "{0} waits {1} ms")
    @CsvSource(
            delimiter = '|',
            value = {
                "Retry-After=3                       | 3000",
                "Retry-After-Ms=1500;Retry-After=6   | 1500",
                "Retry-After-Ms=soon;Retry-After=2   | 2000",
                "Retry-After=120                     | 8000",
                "Retry-After=soon                    | 500",
            })
    void aRateLimitWaitsWhatItsRetryAfterHeadersAskCappedAtEightSeconds(String headers, long expectedWaitMillis) {
        listAnswers(429, headers.split("[=;]"));

        assertThatThrownBy(Fixtures.builder(server, sleeper)
                        .maxRetries(1)
                        .random(() -> 0.0)
                        .build()::list)
                .isInstanceOf(RateLimitException.class);

        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(expectedWaitMillis));
    }

    /** A date in the past means: retry at once. */
    @ParameterizedTest(name = "a Retry-After date {0} s from now waits {1} s")
    @CsvSource({"5, 5", "-5, 0"})
    void retryAfterAsAnHttpDateIsMeasuredAgainstTheClock(long secondsFromNow, long expectedWaitSeconds) {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                now.plusSeconds(secondsFromNow).atOffset(ZoneOffset.UTC));
        listAnswers(503, "Retry-After", date);

        assertThatThrownBy(Fixtures.builder(server, sleeper)
                        .maxRetries(1)
                        .clock(Clock.fixed(now, ZoneOffset.UTC))
                        .build()::list)
                .isInstanceOf(InternalServerException.class);

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(expectedWaitSeconds));
    }

    @Test
    void eachCallOfOneClientHasItsOwnRetries() {
        listAnswers(503);
        ContactCardClient client = Fixtures.builder(server, sleeper)
                .maxRetries(1)
                .random(() -> 0.0)
                .build();

        assertThatThrownBy(client::list).isInstanceOf(InternalServerException.class);
        assertThatThrownBy(client::list).isInstanceOf(InternalServerException.class);

        server.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @ParameterizedTest(name = "HTTP {0} is not retried")
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 413, 415, 422})
    void clientErrorsAreNeverRetried(int status) {
        listAnswers(status, "Retry-After", "1");

        assertThatThrownBy(Fixtures.builder(server, sleeper).maxRetries(5).build()::list)
                .isInstanceOfSatisfying(
                        ContactCardServiceException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(status));

        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void zeroMaxRetriesMeansOneAttempt() {
        listAnswers(503);

        assertThatThrownBy(Fixtures.builder(server, sleeper).maxRetries(0).build()::list)
                .isInstanceOf(InternalServerException.class);

        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(sleeper.waits).isEmpty();
    }

    /** The base URL of a loopback port that was just closed, so nothing listens on it. */
    private static String closedBaseUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/api/partner";
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedAsAConnectionError() throws IOException {
        String baseUrl = closedBaseUrl();
        ContactCardClient client = ContactCardClient.builder()
                .baseUrl(baseUrl)
                .apiKey(Fixtures.API_KEY)
                .sleeper(sleeper)
                .random(() -> 0.0)
                .build();

        assertThatThrownBy(client::list)
                .isInstanceOf(ContactCardConnectionException.class)
                .hasMessageContaining("GET " + baseUrl + "/v3/contact_card")
                .hasCauseInstanceOf(ConnectException.class);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aConnectionErrorNamesTheCallButNotThePhoneNumber() throws IOException {
        String baseUrl = closedBaseUrl();
        ContactCardClient client = ContactCardClient.builder()
                .baseUrl(baseUrl)
                .apiKey(Fixtures.API_KEY)
                .sleeper(sleeper)
                .maxRetries(0)
                .build();

        assertThatThrownBy(() -> client.get(PHONE))
                .isInstanceOf(ContactCardConnectionException.class)
                .hasMessageContaining("GET " + baseUrl + "/v3/contact_card")
                .hasMessageNotContaining(PHONE.substring(1));
    }

    @Test
    void aCallOnAnInterruptedThreadIsNotRetried() {
        listAnswers(503);
        ContactCardClient client = Fixtures.builder(server, sleeper).build();

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(client::list).isInstanceOf(ContactCardException.class);
            assertThat(sleeper.waits).isEmpty();
        } finally {
            Thread.interrupted();
        }
    }

    @ParameterizedTest(name = "{0} is retried, then a connection error")
    @EnumSource(
            value = Fault.class,
            names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void aConnectionThatBreaksBeforeTheAnswerIsRetriedThenAConnectionError(Fault fault) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(fault)));
        ContactCardClient client = Fixtures.builder(server, sleeper).build();

        assertThatThrownBy(() -> client.create(
                        new CreateContactCardRequest().phoneNumber(PHONE).firstName("J")))
                .isInstanceOf(ContactCardConnectionException.class)
                .hasCauseInstanceOf(IOException.class);

        server.verify(3, postRequestedFor(urlEqualTo(PATH)));
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void aBodyThatBreaksOffAfterTheHeadersIsAConnectionError() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertThatThrownBy(Fixtures.builder(server, sleeper).build()::list)
                .isInstanceOf(ContactCardConnectionException.class);
    }

    @Test
    void anInterruptedSleepStopsRetrying() {
        listAnswers(503);
        ContactCardClient client = Fixtures.builder(server, sleeper)
                .sleeper(d -> {
                    throw new InterruptedException("shutting down");
                })
                .build();

        try {
            assertThatThrownBy(client::list).isInstanceOf(InternalServerException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
        } finally {
            Thread.interrupted();
        }
    }
}
