package dev.contactcard.server.durability;

import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.MachineLoad;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sandbox answered 2xx is on disk when the process dies: the executable jar runs as a
 * separate process in file mode on a temporary data directory, is killed with SIGKILL and started
 * again on the same directory.
 *
 * <p>One kill cycle serves both tests (two starts of the jar, not four): one sequential writer creates
 * at least {@value #SEQUENTIAL_CREATES} cards one after the other and goes on creating; for its
 * last {@value #UNDER_LOAD} creates, three writers create and update cards concurrently; the
 * sandbox is killed as soon as both have written enough, so the kill falls right after an
 * acknowledged sequential create, under load, as it would in two separate runs. (The load starts
 * late because its requests cost the build time and prove nothing more once the kill is under
 * way.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(MachineLoad.CORES)
class AcknowledgedWritesSurviveSigkillTest {

    private static final String CARDS = "/api/partner/v3/contact_card";
    /** The minimum of cards created one after the other before the kill. */
    private static final int SEQUENTIAL_CREATES = 200;

    private static final int WRITERS = 3;

    /** The sequential creates that run beside the concurrent writers, at least. */
    private static final int UNDER_LOAD = 40;

    /** Concurrent creates and updates acknowledged before the kill, at least. */
    private static final int CONCURRENT_WRITES = 60;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** One directory for the class (a {@code @TempDir} field would be emptied after each test). */
    private Path dataDir;

    private SandboxProcess sandbox;

    /** number -> last name of the sequential writer's acknowledged creates. */
    private final Map<String, String> acknowledgedInSequence = new ConcurrentHashMap<>();

    /** number -> the last name the last acknowledged concurrent write set, and the one in flight at the kill. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    private final Map<String, String> inFlight = new ConcurrentHashMap<>();

    /** The concurrent writers' acknowledged updates (each number is created once, then updated). */
    private final AtomicInteger acknowledgedUpdates = new AtomicInteger();

    /** The active cards after the restart: number -> last name. */
    private Map<String, String> stored;

    @BeforeAll
    void writeKillUnderLoadAndRestart() throws Exception {
        dataDir = Files.createTempDirectory("contact-card-sigkill");
        sandbox = SandboxProcess.start(Map.of(), arguments());

        CountDownLatch enoughWritten = new CountDownLatch(CONCURRENT_WRITES);
        CountDownLatch enoughInSequence = new CountDownLatch(SEQUENTIAL_CREATES);
        CountDownLatch loadStarts = new CountDownLatch(SEQUENTIAL_CREATES - UNDER_LOAD);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                loadStarts.await();
                for (int i = 0; ; i++) {
                    String number = "+1555%d%06d".formatted(200 + writer, i);
                    if (!write(number, "Created", create(number, "Created"), acknowledged, inFlight, enoughWritten)
                            || !write(
                                    number,
                                    "Updated",
                                    update(number, "Updated"),
                                    acknowledged,
                                    inFlight,
                                    enoughWritten)) {
                        return null;
                    }
                }
            }));
        }
        running.add(writers.submit(() -> {
            Map<String, String> unused = new ConcurrentHashMap<>();
            try {
                for (int i = 0; ; i++) {
                    String number = "+1555100%04d".formatted(i);
                    if (!write(
                            number,
                            "Doe" + i,
                            create(number, "Doe" + i),
                            acknowledgedInSequence,
                            unused,
                            enoughInSequence)) {
                        return null;
                    }
                    loadStarts.countDown();
                }
            } finally {
                // the sandbox is gone (or a create failed): no writer may wait for a load to start
                while (loadStarts.getCount() > 0) {
                    loadStarts.countDown();
                }
            }
        }));
        assertThat(enoughWritten.await(60, TimeUnit.SECONDS))
                .as("concurrent writes acknowledged before the kill")
                .isTrue();
        assertThat(enoughInSequence.await(60, TimeUnit.SECONDS))
                .as("sequential creates acknowledged before the kill")
                .isTrue();

        sandbox.kill();
        for (Future<?> writer : running) {
            writer.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();
        sandbox = SandboxProcess.start(Map.of(), arguments());
        stored = lastNamesByNumber(sandbox.port());
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
    void everyCardCreatedBeforeASigkillIsThereAfterTheRestart() {
        assertThat(acknowledgedInSequence).hasSizeGreaterThanOrEqualTo(SEQUENTIAL_CREATES);
        assertThat(stored).containsAllEntriesOf(acknowledgedInSequence);
    }

    @Test
    void everyAcknowledgedCreateAndUpdateSurvivesASigkillUnderConcurrentWrites() {
        // a writer creates a number, then updates it: about as many updates as creates
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(CONCURRENT_WRITES / 2);
        assertThat(acknowledgedUpdates).hasValueGreaterThanOrEqualTo(CONCURRENT_WRITES / 2 - WRITERS);
        acknowledged.forEach((number, lastName) -> assertThat(stored.get(number))
                .as("card %s: acknowledged %s", number, lastName)
                // the write in flight at the kill may have committed without its answer arriving
                .isIn(lastName, inFlight.get(number)));
    }

    /** Sends one write; false once the sandbox is gone. */
    private boolean write(
            String number,
            String lastName,
            HttpRequest request,
            Map<String, String> acknowledged,
            Map<String, String> inFlight,
            CountDownLatch written) {
        inFlight.put(number, lastName);
        try {
            HttpResponse<String> answer = send(request);
            assertThat(answer.statusCode())
                    .as("%s %s: %s", request.method(), number, answer.body())
                    .isEqualTo(200);
            acknowledged.put(number, lastName);
            if (request.method().equals("PATCH")) {
                acknowledgedUpdates.incrementAndGet();
            }
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
