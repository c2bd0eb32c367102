package dev.contactcard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The harness in about a second, so that it cannot rot unnoticed: the load generator drives every
 * scenario against a tiny in-process server standing in for the three servers, and the table
 * writer turns the rounds into the dated Markdown the README's results section holds. No jar is
 * started, no figure is judged (benchmarks are not tests) and no README is written; the full run
 * is {@code ./mvnw -B -Pbench -pl benchmarks -am verify -DskipTests}.
 */
class BenchmarkSmokeTest {

    private static final Duration ROUND = Duration.ofMillis(100);
    private static final byte[] CARD = ("{\"contact_cards\":[{\"phone_number\":\"+15550000000\","
                    + "\"first_name\":\"Bench\",\"is_active\":true}]}")
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private ExecutorService executor;

    @BeforeEach
    void startAnApiShapedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext(Scenario.PATH, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            boolean authorized = ("Bearer " + Scenario.API_KEY)
                    .equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorized ? 200 : 401, CARD.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(CARD);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void interleavedRoundsOfEveryScenarioBecomeTheTableWithItsTargets() throws Exception {
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        JavaLoad generator = new JavaLoad(2, 5);
        Results results = new Results();
        results.started = Instant.parse("2026-12-03T09:00:05Z");
        results.machine = Machine.describe();
        results.loadBefore = Machine.loadAverage();
        results.generator = generator.describe();
        results.loadSettings = "smoke";
        results.jvmOptions = "";
        int run = 0;
        for (Scenario scenario : Scenario.values()) {
            for (String name : List.of(Results.FILE, Results.MEMORY, Results.CEILING)) {
                results.add(scenario, name, generator.run(scenario, baseUrl, run++, ROUND));
            }
        }
        results.residentAfterLoad.put(Results.FILE, 300L);
        results.residentAfterLoad.put(Results.CEILING, 200L);
        results.startups.add(new Results.Startup(
                Results.STARTUP_SANDBOX,
                "java -jar sandbox.jar",
                List.of(Duration.ofMillis(2_400), Duration.ofMillis(3_000), Duration.ofMillis(2_000)),
                180));
        results.startups.add(new Results.Startup(
                Results.STARTUP_CEILING,
                "java -cp ceiling",
                List.of(Duration.ofMillis(2_000), Duration.ofMillis(1_500), Duration.ofMillis(2_500)),
                150));
        results.warmups.put(
                Scenario.GET_BY_PHONE,
                new LinkedHashMap<>(Map.of(
                        Results.FILE, new Results.Warmup(Duration.ofSeconds(35), 5, Results.Warmup.End.SETTLED))));
        results.warmups
                .get(Scenario.GET_BY_PHONE)
                .put(
                        Results.CEILING,
                        new Results.Warmup(Duration.ofSeconds(90), 15, Results.Warmup.End.STILL_COMPILING));
        results.client = new Results.Client(150, 100, 9_000, 3_000, List.of(1.6, 1.5, 1.2), "smoke");
        results.loadAfter = Machine.loadAverage();
        results.finished = Instant.parse("2026-12-03T09:18:40Z");

        results.load.forEach((scenario, servers) -> servers.forEach((name, rounds) -> assertThat(rounds)
                .as("%s on %s", scenario, name)
                .singleElement()
                .satisfies(
                        round -> assertThat(round.clean()).as(round.toString()).isTrue())));
        String table = results.markdown();
        assertThat(table)
                .startsWith("# Benchmark results\n\n- Measured: 2026-12-03 09:00 to 09:18 UTC\n")
                .contains("\n## Targets\n")
                .contains("- Machine: " + results.machine)
                .contains("| GET by phone, sandbox (file) / ceiling | ")
                .contains("| POST, file storage / memory storage | ")
                .contains("| `java -jar` to the first answer, sandbox / ceiling, medians of 3 interleaved launches"
                        + " (2.40 s / 2.00 s) | 1.20× | ≤ 1.3× | yes |")
                .contains("| resident memory after the load, sandbox, file storage | 300 MiB | ≤ 400 MB | yes |")
                .contains("| `ContactCardClient.get` / raw `HttpClient` GET, median | 1.50× | ≤ 1.2× | **no** |")
                .contains("| **ratio** (median of the passes' ratios) | **1.50×** | **3.00×** |")
                .contains("Every pass, client median / raw median: [1.60×, 1.50×, 1.20×]")
                .contains("Warm-up of every scenario and server before the rounds, seconds of load, until its JIT"
                        + " compilers used under 3% of its CPU in 5 s: GET_BY_PHONE file 35; GET_BY_PHONE ceiling 90"
                        + " (still compiling); ")
                .doesNotContain("NaN", "Infinity");
        assertThat(results.summary())
                .as("the three ratios the run prints last")
                .contains("start-up, sandbox / ceiling:            1.20x (target <= 1.3x)")
                .containsPattern("GET by phone, sandbox \\(file\\) / ceiling: \\d+\\.\\d\\dx \\(target >= 0\\.8x\\)")
                .containsPattern("POST, file storage / memory storage: +\\d+\\.\\d\\dx \\(target >= 0\\.5x\\)");
        for (Scenario scenario : Scenario.values()) {
            assertThat(table)
                    .contains("| " + scenario.title + " | " + Results.CEILING + " | ")
                    .contains("| " + scenario.title + " | " + Results.FILE + " | ")
                    .contains("| " + scenario.title + " | " + Results.MEMORY + " | ");
        }
        assertThat(results.readmeSection())
                .as("the README's section: the same table, dated, its headings one level down")
                .startsWith("- Measured: 2026-12-03 09:00 to 09:18 UTC\n")
                .contains("\n### Targets\n", "\n### The sandbox under load\n", "\n### Start-up: ")
                .doesNotContain("\n## ", "# Benchmark results");
    }

    @Test
    void aRunPastMidnightIsDatedAtBothEnds() {
        Results results = new Results();
        results.started = Instant.parse("2026-12-02T23:50:00Z");
        results.finished = Instant.parse("2026-12-03T00:08:00Z");

        assertThat(results.when()).isEqualTo("2026-12-02 23:50 to 2026-12-03 00:08 UTC");
    }

    @Test
    void theClientBenchmarkIsRegisteredWithJmh() throws IOException {
        try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(list)
                    .as("JMH's annotation processor wrote the benchmark list")
                    .isNotNull();
            assertThat(new String(list.readAllBytes(), StandardCharsets.UTF_8))
                    .contains(ClientBenchmark.class.getName())
                    .contains("client", "raw");
        }
    }
}
