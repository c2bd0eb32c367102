package dev.contactcard.contract.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The contract verifier's command line: {@code java -jar contact-card-contract-tests-<version>-verifier.jar
 * --base-url URL --key KEY [...]}. Every option can come from an environment variable instead
 * ({@code CONTACT_CARD_VERIFIER_<OPTION>}, for example {@code CONTACT_CARD_VERIFIER_KEY}); the
 * command line wins. Exit codes: 0 passed, 1 a check failed (or, with {@code --strict}, an
 * interaction could not be verified), 2 the command line or environment is wrong.
 */
@Command(
        name = "contact-card-verifier",
        mixinStandardHelpOptions = true,
        versionProvider = Verifier.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Verifies a running Contact Card provider against the contract of this version: every interaction of"
                    + " every consumer's pact it carries, the spec-driven generative checks, and every answer"
                    + " against the spec.",
            "Each option may be given as an environment variable instead: CONTACT_CARD_VERIFIER_<OPTION>,"
                    + " e.g. CONTACT_CARD_VERIFIER_KEY for --key (prefer the environment for keys: a command line is"
                    + " visible to other users of the machine).",
            ""
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check passed",
            "1:a check failed, or (--strict) an interaction could not be verified",
            "2:the command line or environment is invalid"
        })
public final class Verifier implements Callable<Integer> {

    /** Where the pacts of this version are, inside the verifier's jar. */
    static final String EMBEDDED_PACTS = "dev/contactcard/contract/verifier/pacts";

    @CommandLine.Spec
    private CommandSpec spec;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_BASE_URL}",
            description = "The provider's base URL; the operations are under URL/v3/contact_card "
                    + "(e.g. https://api.example.com/api/partner). Required.")
    private String baseUrl;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_KEY}",
            description = "A read-write API key of the partner the verifier works as. Required.")
    private String key;

    @Option(
            names = "--read-only-key",
            paramLabel = "KEY",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_READ_ONLY_KEY}",
            description = "A read-only key of the same partner (state 'the API key is read-only').")
    private String readOnlyKey;

    @Option(
            names = "--other-partner-key",
            paramLabel = "KEY",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_OTHER_PARTNER_KEY}",
            description = "A read-write key of another partner (state 'a card of another partner exists for the"
                    + " number', and the generative isolation checks).")
    private String otherPartnerKey;

    @Option(
            names = "--empty-partner-key",
            paramLabel = "KEY",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_EMPTY_PARTNER_KEY}",
            description = "A key of a partner that holds no card and never will, e.g. the only (read-only) key of"
                    + " a partner (state 'the partner has no card').")
    private String emptyPartnerKey;

    @Option(
            names = "--listing-partner-key",
            paramLabel = "KEY",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_LISTING_PARTNER_KEY}",
            description = "A read-write key of a partner kept for the verifier: it holds no card but the ones the"
                    + " verifier keeps at fixed numbers (state 'the partner has no other card').")
    private String listingPartnerKey;

    @Option(
            names = "--failing-numbers",
            paramLabel = "RANGE",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_FAILING_NUMBERS}",
            description = "The numbers whose apply step fails, e.g. +15005550000-+15005550099 for the sandbox"
                    + " (states 'the apply step fails for the number', 'an inactive card exists for the number').")
    private String failingNumbers;

    @Option(
            names = "--strict",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_STRICT:-false}",
            fallbackValue = "true",
            arity = "0..1",
            description = "Fail on every interaction whose provider states cannot be set up (for a provider that"
                    + " can be put in every state, such as the sandbox given its keys).")
    private boolean strict;

    @Option(
            names = "--requests",
            paramLabel = "N",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_REQUESTS:-" + Options.DEFAULT_REQUESTS + "}",
            description = "The most requests the generative checks send, setup and read-backs included"
                    + " (default: ${DEFAULT-VALUE}; 0 runs none).")
    private int requests;

    @Option(
            names = "--rate",
            paramLabel = "PER_SECOND",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_RATE:-0}",
            description =
                    "The most requests per second the verifier sends, all checks together (default: no" + " limit).")
    private double rate;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_SEED}",
            description = "The seed of the generative checks (default: a new one, printed); the same seed sends"
                    + " the same generated requests.")
    private Long seed;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_TIMEOUT:-30}",
            description = "How long to wait for a connection and for each answer (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(
            names = "--reports",
            paramLabel = "DIR",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_REPORTS:-contact-card-verification}",
            description = "Where to write the JUnit XML report and the Markdown summary (default: ${DEFAULT-VALUE}).")
    private Path reports;

    @Option(
            names = "--pacts",
            paramLabel = "DIR",
            defaultValue = "${env:CONTACT_CARD_VERIFIER_PACTS}",
            description = "Verify the pact files in DIR instead of the pacts this verifier carries (a consumer's"
                    + " pact before it is published).")
    private Path pacts;

    private final PrintStream out;

    public Verifier() {
        this(System.out);
    }

    Verifier(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.out).execute(args));
    }

    /** The command line, printing to {@code out}. */
    static CommandLine commandLine(PrintStream out) {
        return new CommandLine(new Verifier(out)).setOut(new java.io.PrintWriter(out, true));
    }

    @Override
    public Integer call() {
        Target target = target();
        Options options;
        try {
            options = new Options(
                    strict,
                    requests,
                    rate,
                    seed != null ? seed : new SecureRandom().nextLong(),
                    Duration.ofSeconds(timeoutSeconds));
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage(), invalid);
        }
        if (pacts != null) {
            if (!Files.isDirectory(pacts)) {
                throw new ParameterException(spec.commandLine(), "--pacts: not a directory: " + pacts);
            }
            return Verification.run(target, options, pacts, reports, out).exitCode();
        }
        Path embedded = extractEmbeddedPacts();
        try {
            return Verification.run(target, options, embedded, reports, out).exitCode();
        } finally {
            deleteTree(embedded);
        }
    }

    private Target target() {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Missing the provider's base URL: --base-url or CONTACT_CARD_VERIFIER_BASE_URL");
        }
        if (key == null || key.isBlank()) {
            throw new ParameterException(
                    spec.commandLine(), "Missing a read-write API key: --key or CONTACT_CARD_VERIFIER_KEY");
        }
        try {
            URI url = new URI(baseUrl.strip());
            return new Target(
                    url,
                    key,
                    readOnlyKey,
                    otherPartnerKey,
                    emptyPartnerKey,
                    listingPartnerKey,
                    failingNumbers == null || failingNumbers.isBlank() ? null : NumberRange.parse(failingNumbers));
        } catch (URISyntaxException | IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage(), invalid);
        }
    }

    /** Copies the pacts inside the jar (or the classes directory) to a new directory, for Pact's folder loader. */
    static Path extractEmbeddedPacts() {
        URL location = Verifier.class.getClassLoader().getResource(EMBEDDED_PACTS);
        if (location == null) {
            throw new IllegalStateException("This verifier carries no pacts (" + EMBEDDED_PACTS + " is missing)");
        }
        try {
            Path target = Files.createTempDirectory("contact-card-pacts");
            URI uri = location.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyPacts(jar.provider().getPath(uri), target);
                }
            } else {
                copyPacts(Path.of(uri), target);
            }
            return target;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void copyPacts(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".json"))
                    .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Files.copy(in, target.resolve(file.getFileName().toString()));
                }
            }
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary directory: the operating system cleans it
        }
    }

    /** The version: the verifier's (the contract's artifact version) and the spec's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "contact-card-contract-tests " + Verification.version() + " (spec "
                        + Spec.contactCard().version() + ")"
            };
        }
    }
}
