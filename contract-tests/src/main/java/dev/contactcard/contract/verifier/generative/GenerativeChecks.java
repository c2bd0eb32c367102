package dev.contactcard.contract.verifier.generative;

import dev.contactcard.contract.verifier.VerifierRun;
import dev.contactcard.contract.verifier.report.Finding;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The spec-driven generative checks of the current run, one JUnit test per check, each given its
 * share of the run's request budget ({@code --requests}) and its own random source of the run's
 * seed. A check keeps going after a finding (up to {@link Probe#MAX_FINDINGS}) and fails at the
 * end with one line per finding; the findings also reach the run's ledger, for the summary.
 */
@DisplayName("Generative checks")
@Order(3)
public class GenerativeChecks {

    /** A check: its name, the rule it checks, its share of the budget in percent, and one example. */
    private record Check(String name, String rule, int percent, Example example) {}

    @FunctionalInterface
    private interface Example {
        void run(Probe probe, RandomGenerator random, int index);
    }

    @TestFactory
    Stream<DynamicTest> theProviderAnswersWhatTheSpecSays() {
        VerifierRun run = VerifierRun.current();
        Checks checks = new Checks(run.api());
        List<Check> all = List.of(
                new Check(
                        "creates",
                        "generated from the schema: 200 with exactly the fields sent (409 for an active card),"
                                + " else 400 with the broken rule's code; read back; Idempotency-Key replays",
                        28,
                        (probe, random, index) -> checks.create(probe, random)),
                new Check(
                        "updates",
                        "generated from the schema: 200 with the merged card (404 for an inactive one), else 400"
                                + " with the broken rule's code; read back",
                        28,
                        (probe, random, index) -> checks.update(probe, random)),
                new Check(
                        "gets",
                        "generated from the schema: 200 with the number's card or none, or every card in order;"
                                + " else 400 with the broken rule's code",
                        12,
                        (probe, random, index) -> checks.get(probe, random)),
                new Check(
                        "keys",
                        "no key, an unknown or malformed one is 401/2004, a read-only key on a write 403/2005;"
                                + " nothing stored",
                        12,
                        (probe, random, index) -> checks.authentication(probe, random)),
                new Check(
                        "query decoding",
                        "a phone_number that is not percent-encoded UTF-8 is 400/1001",
                        8,
                        (probe, random, index) -> checks.query(probe, random)),
                new Check(
                        "bodies",
                        "not JSON, content-encoded (415/2019), over 16 KiB (413/2018), malformed or with a"
                                + " repeated key (400/1001)",
                        6,
                        (probe, random, index) -> checks.body(probe, random, index)),
                new Check(
                        "partners",
                        "another partner's card never shows, changes or lists for the partner",
                        6,
                        (probe, random, index) -> {
                            if (run.target().otherPartner().isEmpty()) {
                                throw new TestAbortedException(
                                        "Not checked: no key of another partner was given (--other-partner-key)");
                            }
                            checks.isolation(probe, random, index == 0);
                        }));
        return all.stream()
                .map(check -> DynamicTest.dynamicTest(check.name() + ": " + check.rule(), () -> run(run, check)));
    }

    private static void run(VerifierRun run, Check check) {
        int budget = run.options().requests() * check.percent() / 100;
        if (budget == 0) {
            throw new TestAbortedException("Not checked: the request budget (--requests "
                    + run.options().requests() + ") leaves this check no request");
        }
        Probe probe = new Probe("generative " + check.name(), run.api());
        RandomGenerator random = run.random(check.name());
        int start = run.ledger().requestsSent();
        for (int index = 0; run.ledger().requestsSent() - start < budget && !probe.full(); index++) {
            check.example().run(probe, random, index);
        }
        List<Finding> findings = probe.findings();
        findings.forEach(run.ledger()::finding);
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + (probe.full() ? " or more" : "") + " finding(s):\n"
                    + findings.stream().map(Finding::line).collect(Collectors.joining("\n")));
        }
    }
}
