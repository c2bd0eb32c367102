package dev.contactcard.contract.verifier;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import dev.contactcard.contract.verifier.generative.GenerativeChecks;
import dev.contactcard.contract.verifier.generative.SetupAnswers;
import dev.contactcard.contract.verifier.pact.PactsConformToSpec;
import dev.contactcard.contract.verifier.pact.VerifierPacts;
import dev.contactcard.contract.verifier.report.RunListener;
import dev.contactcard.contract.verifier.report.RunListener.Counts;
import dev.contactcard.contract.verifier.report.RunListener.Kind;
import dev.contactcard.contract.verifier.report.Summary;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * One run of the verifier against one provider, in this JVM: the checks in order (the pacts
 * against the spec, every pact interaction, the generative checks, the setup answers), one line
 * per failed check on {@code out}, and in {@code reports} a JUnit XML report ({@code
 * TEST-junit-jupiter.xml}), the Markdown summary ({@code verification-summary.md}) and what Pact
 * printed as it verified ({@code pact-verification.log}).
 */
public final class Verification {

    /** The file name of the Markdown summary in the reports directory. */
    public static final String SUMMARY = "verification-summary.md";

    /** The JUnit XML report the JUnit Platform writes for the run. */
    public static final String JUNIT_REPORT = "TEST-junit-jupiter.xml";

    private Verification() {}

    /** What a run found: its exit code (0 passed, 1 failed) and the outcome of each kind of check. */
    public record Outcome(int exitCode, Map<Kind, Counts> counts, int requests) {

        public boolean passed() {
            return exitCode == 0;
        }
    }

    /**
     * Verifies the provider of {@code target} with the pacts in {@code pacts}.
     *
     * @throws UncheckedIOException when the reports cannot be written
     */
    public static Outcome run(Target target, Options options, Path pacts, Path reports, PrintStream out) {
        Instant started = Instant.now();
        // Pact JVM reports anonymous usage events to a remote host unless told not to.
        if (System.getProperty("pact_do_not_track") == null) {
            System.setProperty("pact_do_not_track", "true");
        }
        try {
            Files.createDirectories(reports);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the reports directory " + reports, ex);
        }
        Map<String, Integer> interactions = interactionsByConsumer(pacts);
        out.println("Verifying " + target.baseUrl() + " against contract "
                + Spec.contactCard().version() + ": "
                + interactions.size() + " consumer pact(s) " + interactions + ", seed " + options.seed() + ", "
                + options.requests() + " generative requests" + (options.strict() ? ", strict" : ""));
        try (VerifierRun run = new VerifierRun(target, options, pacts).activate()) {
            Optional<String> unreachable = preflight(run.api());
            if (unreachable.isPresent()) {
                out.println("FAIL the provider answers at " + target.baseUrl() + " | " + unreachable.get());
                out.println("FAILED: nothing verified");
                return new Outcome(1, Map.of(), run.ledger().requestsSent());
            }
            RunListener listener = new RunListener(out, run.ledger());
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(
                            selectClass(PactsConformToSpec.class),
                            selectClass(VerifierPacts.class),
                            selectClass(GenerativeChecks.class),
                            selectClass(SetupAnswers.class))
                    .configurationParameter(
                            "junit.jupiter.testclass.order.default",
                            "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build();
            Launcher launcher = LauncherFactory.create();
            PrintStream stdout = System.out;
            try (PrintStream pactOutput = new PrintStream(
                    new FileOutputStream(
                            reports.resolve("pact-verification.log").toFile()),
                    true,
                    StandardCharsets.UTF_8)) {
                // Pact prints its own account of every interaction; the run's output is one line per failure.
                System.setOut(pactOutput);
                launcher.execute(
                        request,
                        listener,
                        new LegacyXmlReportGeneratingListener(reports, new PrintWriter(pactOutput, true)));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } finally {
                System.setOut(stdout);
            }
            Map<Kind, Counts> counts = listener.counts();
            boolean failed = counts.values().stream().anyMatch(count -> count.failed() > 0)
                    || counts.get(Kind.INTERACTIONS).total() == 0;
            int exitCode = failed ? 1 : 0;
            String summary = Summary.markdown(
                    target,
                    options,
                    Spec.contactCard(),
                    version(),
                    started,
                    exitCode == 0,
                    interactions,
                    counts,
                    run.ledger());
            write(reports.resolve(SUMMARY), summary);
            Counts pactCounts = counts.get(Kind.INTERACTIONS);
            Counts generative = counts.get(Kind.GENERATIVE);
            out.println((exitCode == 0 ? "PASSED" : "FAILED") + ": pact interactions " + pactCounts.passed()
                    + " verified, " + pactCounts.failed() + " failed, " + pactCounts.notRun() + " not verified"
                    + "; generative checks " + generative.passed() + " passed, " + generative.failed() + " failed, "
                    + generative.notRun() + " not run; " + run.ledger().requestsSent() + " requests");
            if (!run.ledger().unavailable().isEmpty()) {
                out.println("States the provider could not be put in: "
                        + run.ledger().unavailable().stream()
                                .map(state -> "'" + state.state() + "' (" + state.reason() + ")")
                                .reduce((a, b) -> a + ", " + b)
                                .orElse(""));
            }
            out.println("Reports: " + reports.resolve(JUNIT_REPORT) + ", " + reports.resolve(SUMMARY));
            return new Outcome(exitCode, counts, run.ledger().requestsSent());
        }
    }

    /**
     * One get with the read-write key before anything else, so that a wrong URL or key fails at
     * once with one clear line rather than on every check.
     *
     * @return why the run cannot go on, if it cannot
     */
    static Optional<String> preflight(ProviderApi api) {
        ApiRequest probe = ApiRequest.of(
                "GET",
                FictionalNumbers.pick("1", new java.util.SplittableRandom()),
                api.target().key(),
                null);
        Exchange answer;
        try {
            answer = api.send(probe);
        } catch (UncheckedIOException unreachable) {
            return Optional.of(probe + " | no answer: " + unreachable.getCause());
        }
        boolean noSuchPath = (answer.status() == 404 || answer.status() == 405)
                && answer.errorCode()
                        .filter(code -> code != 2016 && code != 2017)
                        .isEmpty();
        if (noSuchPath) {
            return Optional.of(probe + " | no Contact Card API under the base URL (check --base-url, which ends"
                    + " before /v3/contact_card): " + answer.answer());
        }
        return switch (answer.status()) {
            case 401 -> Optional.of(probe + " | the read-write key (--key) was refused: " + answer.answer());
            case 403 -> Optional.of(probe + " | the read-write key (--key) may not read: " + answer.answer());
            // Any other answer, a drift included, is for the checks to judge.
            default -> Optional.empty();
        };
    }

    /** The number of interactions of each consumer's pact in {@code pacts}. */
    static Map<String, Integer> interactionsByConsumer(Path pacts) {
        Map<String, Integer> interactions = new LinkedHashMap<>();
        for (File file : PactsConformToSpec.pactFiles(pacts.toFile())) {
            try {
                Pact pact = DefaultPactReader.INSTANCE.loadPact(file);
                interactions.merge(
                        pact.getConsumer().getName(), pact.getInteractions().size(), Integer::sum);
            } catch (RuntimeException unreadable) {
                // PactsConformToSpec reports it, naming the file.
                interactions.merge(file.getName() + " (unreadable)", 0, Integer::sum);
            }
        }
        return interactions;
    }

    /** The verifier's version, from its jar's manifest (or "development" when run from classes). */
    static String version() {
        String version = Verification.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + file, ex);
        }
    }
}
