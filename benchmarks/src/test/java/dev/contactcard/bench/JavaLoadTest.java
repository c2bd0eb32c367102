package dev.contactcard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java load generator against a loopback server that counts what it receives. */
class JavaLoadTest {

    private HttpServer server;
    private final AtomicLong received = new AtomicLong();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, String> bodies = new ConcurrentHashMap<>();

    @BeforeEach
    void startACountingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            received.incrementAndGet();
            targets.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.put(exchange.getRequestMethod(), body);
            byte[] answer = "{\"contact_cards\":[]}".getBytes(StandardCharsets.UTF_8);
            switch (exchange.getRequestMethod()) {
                case "GET" -> exchange.sendResponseHeaders(200, answer.length); // Content-Length
                case "POST" -> exchange.sendResponseHeaders(200, 0); // chunked
                default -> exchange.sendResponseHeaders(404, answer.length);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LoadResult load(Scenario scenario) throws Exception {
        return new JavaLoad(2, 5)
                .run(scenario, "http://127.0.0.1:" + server.getAddress().getPort(), 3, Duration.ofMillis(300));
    }

    @Test
    void everyAnswerIsCountedAndTimedWithFixedLengthBodies() throws Exception {
        LoadResult result = load(Scenario.GET_BY_PHONE);

        assertThat(result.requests()).isPositive().isEqualTo(received.get());
        assertThat(result.clean()).isTrue();
        assertThat(result.p50Micros()).isPositive().isLessThanOrEqualTo(result.p99Micros());
        assertThat(targets)
                .allMatch(
                        target -> target.matches("GET /api/partner/v3/contact_card\\?phone_number=%2B1555000000[0-4]"));
    }

    @Test
    void aWindowThatEndsBeforeTheConnectionsStartStillSendsOneRequestOnEach() throws Exception {
        LoadResult result = new JavaLoad(2, 5)
                .run(
                        Scenario.GET_BY_PHONE,
                        "http://127.0.0.1:" + server.getAddress().getPort(),
                        3,
                        Duration.ZERO);

        assertThat(result.requests()).isEqualTo(2).isEqualTo(received.get());
        assertThat(result.clean()).isTrue();
    }

    @Test
    void chunkedAnswersAreReadToTheirEndAndEveryPostCarriesAFreshNumber() throws Exception {
        LoadResult result = load(Scenario.POST_NEW_NUMBER);

        assertThat(result.requests()).isPositive().isEqualTo(received.get());
        assertThat(result.clean()).isTrue();
        assertThat(bodies.get("POST"))
                .matches("\\{\"phone_number\":\"\\+1703\\d{10}\",\"first_name\":\"Bench\",\"last_name\":\"Mark\"}");
    }

    @Test
    void answersOtherThan2xxAreCountedAsErrors() throws Exception {
        LoadResult result = load(Scenario.PATCH);

        assertThat(result.requests()).isPositive();
        assertThat(result.errorResponses()).isEqualTo(result.requests());
        assertThat(result.clean()).isFalse();
    }
}
