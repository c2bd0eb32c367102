package dev.contactcard.server.durability;

import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.SandboxProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sandbox answered 2xx is on disk when the process dies: the executable jar runs as a
 * separate process in file mode on a temporary data directory, is killed with SIGKILL and started
 * again on the same directory. The two tests share the directory (each uses its own numbers) and
 * hand the restarted process on, so the class boots the jar three times, not four.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcknowledgedWritesSurviveSigkillIT {

    private static final String CARDS = "/api/partner/v3/contact_card";
    private static final int SEQUENTIAL_CREATES = 250;
    private static final int WRITERS = 6;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** One directory for the class (a {@code @TempDir} field would be emptied after each test). */
    private Path dataDir;

    private SandboxProcess sandbox;

    @BeforeAll
    void createDataDirectory() throws IOException {
        dataDir = Files.createTempDirectory("contact-card-sigkill");
    }

    @AfterAll
    void stopAndDeleteDataDirectory() throws IOException {
        if (sandbox != null) {
            sandbox.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void everyCardCreatedBeforeASigkillIsThereAfterTheRestart() throws Exception {
        running();
        Map<String, String> acknowledged = new HashMap<>();
        for (int i = 0; i < SEQUENTIAL_CREATES; i++) {
            String number = "+1555100%04d".formatted(i);
            String lastName = "Doe" + i;
            HttpResponse<String> answer = send(create(number, lastName));
            assertThat(answer.statusCode())
                    .as("create %s: %s", number, answer.body())
                    .isEqualTo(200);
            acknowledged.put(number, lastName);
        }

        restartAfterSigkill();

        Map<String, String> stored = lastNamesByNumber(sandbox.port());
        assertThat(stored).containsAllEntriesOf(acknowledged);
    }

    @Test
    void everyAcknowledgedCreateAndUpdateSurvivesASigkillUnderConcurrentWrites() throws Exception {
        running();
        // number -> the last name the last acknowledged write set, and the one in flight at the kill
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> inFlight = new ConcurrentHashMap<>();
        CountDownLatch enoughWritten = new CountDownLatch(WRITERS * 40);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int i = 0; ; i++) {
                    String number = "+1555%d%06d".formatted(200 + writer, i);
                    if (!write(number, create(number, "Created"), acknowledged, inFlight, enoughWritten)
                            || !write(number, update(number, "Updated"), acknowledged, inFlight, enoughWritten)) {
                        return null;
                    }
                }
            }));
        }
        assertThat(enoughWritten.await(60, TimeUnit.SECONDS))
                .as("writes acknowledged before the kill")
                .isTrue();

        sandbox.kill();
        for (Future<?> writer : running) {
            writer.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();
        sandbox = SandboxProcess.start(Map.of(), arguments());

        Map<String, String> stored = lastNamesByNumber(sandbox.port());
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(WRITERS * 40 / 2);
        assertThat(acknowledged.values()).contains("Created", "Updated");
        acknowledged.forEach((number, lastName) -> assertThat(stored.get(number))
                .as("card %s: acknowledged %s", number, lastName)
                // the write in flight at the kill may have committed without its answer arriving
                .isIn(lastName, inFlight.get(number)));
    }

    /** Sends one write; false once the sandbox is gone. */
    private boolean write(
            String number,
            HttpRequest request,
            Map<String, String> acknowledged,
            Map<String, String> inFlight,
            CountDownLatch written) {
        String lastName = request.method().equals("POST") ? "Created" : "Updated";
        inFlight.put(number, lastName);
        try {
            HttpResponse<String> answer = send(request);
            assertThat(answer.statusCode())
                    .as("%s %s: %s", request.method(), number, answer.body())
                    .isEqualTo(200);
            acknowledged.put(number, lastName);
            inFlight.remove(number);
            written.countDown();
            return true;
        } catch (IOException ex) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private SandboxProcess running() {
        if (sandbox == null) {
            sandbox = SandboxProcess.start(Map.of(), arguments());
        }
        return sandbox;
    }

    private void restartAfterSigkill() {
        sandbox.kill();
        sandbox = SandboxProcess.start(Map.of(), arguments());
    }

    private String[] arguments() {
        return new String[] {
            "--server.address=127.0.0.1",
            "--contactcard.storage.mode=file",
            "--contactcard.storage.data-dir=" + dataDir.toAbsolutePath()
        };
    }

    private Map<String, String> lastNamesByNumber(int port) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CARDS))
                .header("Authorization", "Bearer " + READ_WRITE)
                .GET()
                .build());
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, String> lastNames = new HashMap<>();
        for (JsonNode card : json.readTree(answer.body()).path("contact_cards")) {
            // A create killed between storing the card and activating it leaves an inactive card;
            // it was never acknowledged. An acknowledged card missing from the map fails the test.
            if (card.path("is_active").asBoolean()) {
                lastNames.put(
                        card.path("phone_number").asString(),
                        card.path("last_name").asString());
            }
        }
        return lastNames;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest create(String number, String lastName) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port() + CARDS))
                .header("Authorization", "Bearer " + READ_WRITE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"first_name\":\"John\",\"last_name\":\"%s\",\"phone_number\":\"%s\"}"
                                .formatted(lastName, number)))
                .build();
    }

    private HttpRequest update(String number, String lastName) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port() + CARDS + "?phone_number="
                        + URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + READ_WRITE)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"last_name\":\"%s\"}".formatted(lastName)))
                .build();
    }
}
