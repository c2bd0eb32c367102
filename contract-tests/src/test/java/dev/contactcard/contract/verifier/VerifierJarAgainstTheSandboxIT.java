package dev.contactcard.contract.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contactcard.server.auth.SandboxKeys;
import dev.contactcard.server.card.SandboxCardApplier;
import dev.contactcard.server.support.SandboxProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The verifier as a provider team runs it: its executable jar ({@code -verifier.jar}) as a separate
 * process, with only a JDK, against the sandbox's executable jar started as another process on
 * file storage, whose partner already holds 1,000 cards. It passes twice in a row on the same data
 * directory (nothing is reset between the runs; the second run, with the same seed, replays the
 * start of the first one's generative requests), and fails against a provider drifting from what
 * the pacts pin, naming the interaction.
 *
 * <p>It mostly waits on its processes, so it runs first and beside the in-process verifications
 * ({@code src/test/resources/junit-platform.properties}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@Order(1)
class VerifierJarAgainstTheSandboxIT {

    private static final String OTHER_PARTNER_KEY = "verifier-other-rw";
    private static final String EMPTY_PARTNER_KEY = "verifier-empty-ro";
    private static final String LISTING_PARTNER_KEY = "verifier-listing-rw";
    private static final String API_KEYS = SandboxKeys.DEFAULT_CONFIGURATION
            + "," + OTHER_PARTNER_KEY + ":other:read-write"
            + "," + EMPTY_PARTNER_KEY + ":empty:read-only"
            + "," + LISTING_PARTNER_KEY + ":listing:read-write";
    private static final int CARDS_BEFORE = 1_000;
    private static final Path WORK = Path.of("target/verifier-jar");

    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxProcess sandbox;
    private URI baseUrl;

    @BeforeAll
    void startTheSandboxWithAThousandCards() throws Exception {
        deleteTree(WORK);
        Files.createDirectories(WORK);
        sandbox = SandboxProcess.start(Map.of(
                "CONTACT_CARD_API_KEYS",
                API_KEYS,
                "CONTACT_CARD_STORAGE",
                "file",
                "CONTACT_CARD_DATA_DIR",
                WORK.resolve("sandbox-data").toAbsolutePath().toString()));
        baseUrl = URI.create("http://127.0.0.1:" + sandbox.port() + "/api/partner");
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> creates = IntStream.range(0, CARDS_BEFORE)
                    .mapToObj(i -> writers.submit(() -> create("+3161" + (2_000_000 + i), "Existing " + i)))
                    .toList();
            for (Future<Integer> create : creates) {
                assertThat(create.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(cardsOfThePartner()).isEqualTo(CARDS_BEFORE);
    }

    @AfterAll
    void stopTheSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theVerifierJarPassesTwiceInARowAgainstTheSameSandboxWithoutAReset() throws Exception {
        Run first = verify(baseUrl, "run-1", "--strict");
        int afterTheFirst = cardsOfThePartner();
        // The same seed replays the first run's requests on the data it left; a third of the default
        // budget replays the start of every generative check's sequence, where a number the first
        // run created or changed is met again (the whole budget ran once already).
        Run second = verify(baseUrl, "run-2", "--strict", "--requests", "200");
        int afterTheSecond = cardsOfThePartner();

        for (Run run : List.of(first, second)) {
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("PASSED: pact interactions 34 verified, 0 failed, 0 not verified; generative checks 7"
                            + " passed, 0 failed, 0 not run");
            assertThat(run.junitReport())
                    .as("the JUnit report of %s", run.name())
                    .containsPattern("<testsuite [^>]*tests=\"4[0-9]\"")
                    .contains("failures=\"0\"", "errors=\"0\"", "skipped=\"0\"")
                    .contains("contact-card-client - a get of every card of a partner with two cards");
            assertThat(run.summary())
                    .contains("# Contact Card contract verification: passed")
                    .contains("None: the provider was put in every state the pacts name.")
                    .contains("| POST /v3/contact_card | 200 |");
        }
        // Nothing was reset: each run's cards are still there, beside the thousand from before.
        assertThat(afterTheFirst).isGreaterThan(CARDS_BEFORE);
        assertThat(afterTheSecond).isGreaterThan(afterTheFirst);
    }

    @Test
    void againstAProviderThatAnswers404ForANumberWithoutACardItFailsNamingTheInteractions() throws Exception {
        try (DriftingProxy proxy = DriftingProxy.answering404ForEmptyLookUps(baseUrl)) {
            Run run = verify(proxy.baseUrl(), "drifted", "--requests", "0");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output())
                    .containsPattern(
                            "FAIL pact contact-card-client - a get of a number without a card \\| GET"
                                    + " /v3/contact_card\\?phone_number=\\+1\\d{10} \\| [^\\n]*expected status of 200 but was 404")
                    .contains("FAIL pact directory-service - a directory look-up of a number without a card")
                    .contains("FAIL pact contact-card-client - a get of a number whose only card belongs to another"
                            + " partner")
                    .contains("FAILED: pact interactions 31 verified, 3 failed");
            assertThat(run.summary())
                    .contains("# Contact Card contract verification: failed")
                    .contains("Response status 404 not defined for path '/v3/contact_card'")
                    .contains("Answered with a status the spec does not document for the operation: GET 404");
        }
    }

    // ------------------------------------------------------------------ helpers

    private record Run(String name, int exitCode, String output, String junitReport, String summary) {}

    /** Runs the verifier's jar as a separate process, with the keys in its environment, as CI would. */
    private Run verify(URI target, String name, String... options) throws Exception {
        String jar = System.getProperty("contactcard.verifier.jar");
        assertThat(jar)
                .as("system property contactcard.verifier.jar (set by the POM)")
                .isNotNull();
        assertThat(Path.of(jar)).as("the verifier's jar, built in package").isRegularFile();
        Path reports = WORK.resolve(name);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar,
                "--base-url",
                target.toString(),
                "--reports",
                reports.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .putAll(Map.of(
                        "CONTACT_CARD_VERIFIER_KEY",
                        SandboxKeys.READ_WRITE,
                        "CONTACT_CARD_VERIFIER_READ_ONLY_KEY",
                        SandboxKeys.READ_ONLY,
                        "CONTACT_CARD_VERIFIER_OTHER_PARTNER_KEY",
                        OTHER_PARTNER_KEY,
                        "CONTACT_CARD_VERIFIER_EMPTY_PARTNER_KEY",
                        EMPTY_PARTNER_KEY,
                        "CONTACT_CARD_VERIFIER_LISTING_PARTNER_KEY",
                        LISTING_PARTNER_KEY,
                        "CONTACT_CARD_VERIFIER_FAILING_NUMBERS",
                        SandboxCardApplier.FIRST_FAILING_NUMBER + "-" + SandboxCardApplier.LAST_FAILING_NUMBER,
                        "CONTACT_CARD_VERIFIER_SEED",
                        "20261207"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("the verifier ended")
                .isTrue();
        return new Run(
                name,
                process.exitValue(),
                output,
                read(reports.resolve(Verification.JUNIT_REPORT)),
                read(reports.resolve(Verification.SUMMARY)));
    }

    private int create(String number, String firstName) throws IOException, InterruptedException {
        String body = new ObjectMapper()
                .createObjectNode()
                .put("phone_number", number)
                .put("first_name", firstName)
                .toString();
        return http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/v3/contact_card"))
                                .header("Authorization", "Bearer " + SandboxKeys.READ_WRITE)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private int cardsOfThePartner() throws IOException, InterruptedException {
        HttpResponse<String> listed = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/v3/contact_card"))
                        .header("Authorization", "Bearer " + SandboxKeys.READ_ONLY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(listed.body()).path("contact_cards").size();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no " + file + ")";
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
