package dev.contactcard.contract.verifier.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Follows the verifier's checks as the JUnit Platform runs them: prints one line per failed check
 * (and per interaction it could not verify), hands each failure to the ledger, and counts the
 * outcomes of each kind of check for the summary.
 */
public final class RunListener implements TestExecutionListener {

    /** The kinds of checks, by the class that runs them. */
    public enum Kind {
        PACTS_CONFORM("PactsConformToSpec", "pacts conform to the spec"),
        INTERACTIONS("VerifierPacts", "pact interactions"),
        GENERATIVE("GenerativeChecks", "generative checks"),
        SETUP_ANSWERS("SetupAnswers", "answers to setup requests conform to the spec");

        private final String className;
        private final String title;

        Kind(String className, String title) {
            this.className = className;
            this.title = title;
        }

        public String title() {
            return title;
        }

        static Optional<Kind> of(UniqueId id) {
            for (UniqueId.Segment segment : id.getSegments()) {
                if (segment.getType().equals("class")) {
                    for (Kind kind : values()) {
                        if (segment.getValue().endsWith("." + kind.className)) {
                            return Optional.of(kind);
                        }
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** How many checks of one kind passed, failed, or were not run (not verified). */
    public record Counts(int passed, int failed, int notRun) {
        Counts plus(TestExecutionResult.Status status) {
            return switch (status) {
                case SUCCESSFUL -> new Counts(passed + 1, failed, notRun);
                case FAILED -> new Counts(passed, failed + 1, notRun);
                case ABORTED -> new Counts(passed, failed, notRun + 1);
            };
        }

        public int total() {
            return passed + failed + notRun;
        }
    }

    private static final Pattern PACT_MISMATCH = Pattern.compile("^\\s*\\d+\\.\\d+\\)\\s*(.+)$", Pattern.MULTILINE);

    private final PrintStream out;
    private final Ledger ledger;
    private final Map<Kind, Counts> counts = new LinkedHashMap<>();
    private final List<String> notVerified = new ArrayList<>();

    public RunListener(PrintStream out, Ledger ledger) {
        this.out = out;
        this.ledger = ledger;
        for (Kind kind : Kind.values()) {
            counts.put(kind, new Counts(0, 0, 0));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        Kind.of(test.getUniqueIdObject()).ifPresent(kind -> {
            if (test.isTest()) {
                counts.merge(kind, new Counts(0, 0, 1), (a, b) -> new Counts(a.passed, a.failed, a.notRun + 1));
            }
        });
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<Kind> kind = Kind.of(test.getUniqueIdObject());
        if (kind.isEmpty()) {
            return;
        }
        if (!test.isTest()) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                // A class or factory that could not run at all (no pacts, a broken pact file).
                Throwable failure = result.getThrowable().orElse(null);
                report(new Finding(kind.get().title(), "(before any request)", messages(failure)));
                counts.computeIfPresent(kind.get(), (k, c) -> c.plus(TestExecutionResult.Status.FAILED));
            }
            return;
        }
        counts.computeIfPresent(kind.get(), (k, c) -> c.plus(result.getStatus()));
        String name = test.getDisplayName();
        switch (result.getStatus()) {
            case SUCCESSFUL -> {}
            case ABORTED -> {
                String reason = result.getThrowable().map(Throwable::getMessage).orElse("");
                String line = (kind.get() == Kind.INTERACTIONS ? "NOT VERIFIED pact " : "NOT CHECKED ") + name + " | "
                        + reason;
                notVerified.add(line);
                out.println(line);
            }
            case FAILED -> failed(kind.get(), name, result.getThrowable().orElse(null));
        }
    }

    private void failed(Kind kind, String name, Throwable failure) {
        String message = failure == null || failure.getMessage() == null ? "" : failure.getMessage();
        if (kind == Kind.GENERATIVE) {
            // The generative checks put their findings in the ledger; print them one per line.
            message.lines().filter(line -> line.startsWith("FAIL ")).forEach(out::println);
            return;
        }
        if (kind == Kind.INTERACTIONS) {
            int colon = message.indexOf(": ");
            boolean sent =
                    failure instanceof AssertionError && colon > 0 && message.startsWith("/", message.indexOf(' ') + 1);
            String request = sent ? message.substring(0, colon) : "(setting up its provider states)";
            String drift = sent ? condensed(message.substring(colon + 2)) : messages(failure);
            report(new Finding("pact " + name, request, drift));
            return;
        }
        report(new Finding(kind.title() + ": " + name, "(no request)", messages(failure)));
    }

    private void report(Finding finding) {
        ledger.finding(finding);
        out.println(finding.line());
    }

    /** Pact's verification failure, as its numbered mismatches, or the message itself. */
    private static String condensed(String pactMessage) {
        List<String> mismatches = new ArrayList<>();
        Matcher matcher = PACT_MISMATCH.matcher(pactMessage);
        while (matcher.find()) {
            mismatches.add(matcher.group(1).strip());
        }
        String spec = pactMessage.contains("the spec:")
                ? "; the spec: "
                        + pactMessage
                                .substring(pactMessage.indexOf("the spec:") + 9)
                                .strip()
                : "";
        return (mismatches.isEmpty() ? pactMessage.strip() : String.join("; ", mismatches)) + spec;
    }

    /** The message of a failure and of its causes, skipping Pact's wrapper messages that say nothing. */
    private static String messages(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank() && !message.equals("Provider state change callback failed")) {
                parts.add(message.strip());
            }
        }
        return parts.isEmpty() ? String.valueOf(failure) : String.join("; caused by: ", parts);
    }

    public Map<Kind, Counts> counts() {
        return Map.copyOf(counts);
    }

    public List<String> notVerified() {
        return List.copyOf(notVerified);
    }
}
