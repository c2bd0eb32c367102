package dev.contactcard.contract.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The verifier's command line: what it asks for, what it refuses with exit code 2 and a message
 * naming the option (and its environment variable), and how it fails at once, in one line, on a
 * provider it cannot reach.
 */
class VerifierCommandLineTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    private int run(String... arguments) {
        CommandLine commandLine = Verifier.commandLine(new PrintStream(output, true, StandardCharsets.UTF_8));
        commandLine.setErr(new java.io.PrintWriter(new PrintStream(errors, true, StandardCharsets.UTF_8), true));
        return commandLine.execute(arguments);
    }

    private String out() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errors.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theHelpListsEveryOptionAndItsEnvironmentVariable() {
        assertThat(run("--help")).isZero();

        assertThat(out())
                .contains(
                        "--base-url=URL",
                        "--key=KEY",
                        "--read-only-key=KEY",
                        "--other-partner-key=KEY",
                        "--empty-partner-key=KEY",
                        "--listing-partner-key=KEY",
                        "--failing-numbers=RANGE",
                        "--strict",
                        "--requests=N",
                        "--rate=PER_SECOND",
                        "--seed=SEED",
                        "--timeout=SECONDS",
                        "--reports=DIR",
                        "--pacts=DIR")
                .contains("CONTACT_CARD_VERIFIER_<OPTION>", "CONTACT_CARD_VERIFIER_KEY")
                .contains("0   every check passed", "2   the command line or environment is invalid");
    }

    @Test
    void theVersionNamesTheContractAndTheSpec() {
        assertThat(run("--version")).isZero();

        assertThat(out()).startsWith("contact-card-contract-tests ").contains("(spec 1.0.0)");
    }

    @Test
    void withoutABaseUrlItRefusesToStartNamingTheOptionAndItsVariable() {
        // CONTACT_CARD_VERIFIER_BASE_URL is not set in the build's environment.
        assertThat(run("--key", "k")).isEqualTo(2);

        assertThat(err()).contains("Missing the provider's base URL: --base-url or CONTACT_CARD_VERIFIER_BASE_URL");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRefused() {
        assertThat(run("--base-url", "ftp://example.com/api", "--key", "k")).isEqualTo(2);

        assertThat(err()).contains("The base URL must be an absolute http(s) URL, not ftp://example.com/api");
    }

    @Test
    void aRangeOfFailingNumbersThatIsNotE164IsRefused() {
        assertThat(run("--base-url", "http://127.0.0.1:1/api", "--key", "k", "--failing-numbers", "15005550000-99"))
                .isEqualTo(2);

        assertThat(err()).contains("Expected an E.164 number or a range such as +15005550000-+15005550099");
    }

    @Test
    void aNegativeRequestBudgetIsRefused() {
        assertThat(run("--base-url", "http://127.0.0.1:1/api", "--key", "k", "--requests", "-1"))
                .isEqualTo(2);

        assertThat(err()).contains("The request budget must not be negative");
    }

    @Test
    void aProviderThatDoesNotAnswerFailsAtOnceInOneLine() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path reports = Path.of("target/verifier-command-line/unreachable");

        int exitCode = run(
                "--base-url",
                "http://127.0.0.1:" + closedPort + "/api/partner",
                "--key",
                "k",
                "--reports",
                reports.toString(),
                "--pacts",
                "target/pacts");

        assertThat(exitCode).isEqualTo(1);
        assertThat(out())
                .containsPattern(
                        "FAIL the provider answers at http://127.0.0.1:\\d+/api/partner \\| GET /v3/contact_card"
                                + "\\?phone_number=%2B1\\d{10} \\| no answer: ")
                .contains("FAILED: nothing verified")
                .doesNotContain("\tat ");
    }
}
