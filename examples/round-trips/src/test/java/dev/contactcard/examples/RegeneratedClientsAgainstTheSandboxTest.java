package dev.contactcard.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.SandboxProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The clients other teams regenerate from the spec artifact (Java, Kotlin, TypeScript, Python) run the same
 * round trip against one sandbox (its executable jar, on loopback, memory storage): create a card,
 * get it, an update of one field, an update that clears {@code image_url} with an explicit
 * {@code null}, a second create (409/2014), an invalid number (400/1002), a read-only key on an
 * update (403/2005). Each round trip writes a JUnit XML report under its example's {@code
 * target/round-trip}, which must list every step, passed.
 *
 * <p>The Java and Kotlin round trips need only the JDK. TypeScript needs Node.js and npm, Python python3 with
 * pydantic 2, urllib3 2 and python-dateutil (the build machines have them): where one is missing,
 * the check prints one line naming itself and why, and is not run, unless
 * {@code CONTACT_CARD_REQUIRE_TOOLS=true} ({@code .ci/run} sets it), which makes it fail.
 *
 * <p>The languages run side by side ({@code src/test/resources/junit-platform.properties}), and
 * TypeScript installs and type-checks while the sandbox starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@DisplayName("Regenerated clients against the sandbox")
class RegeneratedClientsAgainstTheSandboxTest {

    /** The steps of the round trip, as every language names them. */
    static final List<String> STEPS = List.of(
            "create a card",
            "get it",
            "an update changes one field and keeps the others",
            "an update clears image_url with an explicit null",
            "a create of an existing number is 409 with code 2014",
            "a create with an invalid number is 400 with code 1002",
            "a read-only key is refused with 403 and code 2005");

    private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", ".."));

    /** Started once, in the background: the languages prepare (npm, tsc) while it boots. */
    private CompletableFuture<SandboxProcess> sandbox;

    @BeforeAll
    void startOneSandboxForEveryLanguage() {
        sandbox = CompletableFuture.supplyAsync(
                () -> SandboxProcess.start(Map.of(), "--contactcard.storage.mode=memory"));
    }

    @AfterAll
    void stopTheSandbox() {
        sandbox.thenAccept(SandboxProcess::close).exceptionally(failed -> null).join();
    }

    /** The sandbox's base URL and keys, as every round trip reads them; waits until the sandbox listens. */
    private Map<String, String> sandboxSettings() {
        return Map.of(
                "CONTACT_CARD_BASE_URL", "http://127.0.0.1:" + sandbox.join().port() + "/api/partner",
                "CONTACT_CARD_KEY", "sandbox-rw-key",
                "CONTACT_CARD_READ_ONLY_KEY", "sandbox-ro-key");
    }

    @Test
    @DisplayName("Java (java, native, Jackson, JsonNullable): the round trip passes, every step reported")
    void java() throws Exception {
        runOnTheJvm(EXAMPLES.resolve("java-native-client"));
    }

    @Test
    @DisplayName("Kotlin (kotlin, jvm-okhttp4, Jackson): the round trip passes, every step reported")
    void kotlin() throws Exception {
        runOnTheJvm(EXAMPLES.resolve("kotlin-client"));
    }

    /** A JVM example's round trip ({@code com.example.directory.ContactCardRoundTrip}), by the console launcher. */
    private void runOnTheJvm(Path example) throws Exception {
        Path reports = fresh(example.resolve("target/round-trip"));
        String classpath = String.join(
                File.pathSeparator,
                example.resolve("target/test-classes").toString(),
                example.resolve("target/classes").toString(),
                Files.readString(example.resolve("target/round-trip.classpath")).strip());
        run(
                example,
                sandboxSettings(),
                List.of(
                        javaCommand(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-jar",
                        System.getProperty("junit.console.jar"),
                        "execute",
                        "--disable-banner",
                        "--details=tree",
                        "--class-path",
                        classpath,
                        "--select-class",
                        "com.example.directory.ContactCardRoundTrip",
                        "--reports-dir",
                        reports.toString()));
        assertEveryStepPassed(reports.resolve("TEST-junit-jupiter.xml"));
    }

    @Test
    @DisplayName("TypeScript (typescript-fetch): tsc type-checks it, the round trip passes, every step reported")
    void typescript() throws Exception {
        Tools.require("the TypeScript round trip", "node", "npm");
        Path example = EXAMPLES.resolve("typescript-client");
        fresh(example.resolve("target/round-trip"));
        run(example, Map.of(), List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        run(example, Map.of(), List.of("npm", "run", "--silent", "build"));
        run(example, sandboxSettings(), List.of("npm", "run", "--silent", "round-trip"));
        assertEveryStepPassed(example.resolve("target/round-trip/TEST-typescript.xml"));
    }

    @Test
    @DisplayName("Python (python, pydantic 2, urllib3): the round trip passes, every step reported")
    void python() throws Exception {
        Tools.requirePython("the Python round trip");
        Path example = EXAMPLES.resolve("python-client");
        Path report = fresh(example.resolve("target/round-trip")).resolve("TEST-python.xml");
        Map<String, String> settings = new HashMap<>(sandboxSettings());
        settings.put("PYTHONPATH", "target/generated-sources/contact-card");
        settings.put("PYTHONDONTWRITEBYTECODE", "1"); // nothing written outside target/
        run(example, settings, List.of("python3", "round_trip_test.py", "--junit-xml", report.toString()));
        assertEveryStepPassed(report);
    }

    // ------------------------------------------------------------------ helpers

    private static void run(Path directory, Map<String, String> environment, List<String> command) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("%s ended", command)
                .isTrue();
        assertThat(process.exitValue())
                .as("%s in %s exited with %s:%n%s", String.join(" ", command), directory, process.exitValue(), output)
                .isZero();
    }

    /** The report lists every step of the round trip, each passed (no failure, error or skip). */
    private static void assertEveryStepPassed(Path report) throws Exception {
        assertThat(report).as("the round trip's JUnit XML report").isRegularFile();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        NodeList cases = document.getElementsByTagName("testcase");
        List<String> passed = new ArrayList<>();
        List<String> notPassed = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            String name = step(testcase.getAttribute("name"));
            boolean ok = testcase.getElementsByTagName("failure").getLength() == 0
                    && testcase.getElementsByTagName("error").getLength() == 0
                    && testcase.getElementsByTagName("skipped").getLength() == 0;
            (ok ? passed : notPassed).add(name);
        }
        assertThat(notPassed).as("steps that did not pass, in %s", report).isEmpty();
        assertThat(passed)
                .as("the steps %s reports", report)
                .containsExactlyInAnyOrderElementsOf(STEPS.stream()
                        .map(RegeneratedClientsAgainstTheSandboxTest::step)
                        .toList());
    }

    /**
     * A step's name as every language can spell it: {@code a read-only key is refused} (a test
     * name), {@code a read-only key is refused()} (a Kotlin method), {@code aReadOnlyKeyIsRefused()}
     * (a Java method) all read {@code areadonlykeyisrefused}.
     */
    static String step(String name) {
        return name.replaceFirst("\\(\\)$", "").replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static Path fresh(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                for (Path file :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
