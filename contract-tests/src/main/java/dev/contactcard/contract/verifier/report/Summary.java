package dev.contactcard.contract.verifier.report;

import dev.contactcard.contract.verifier.Options;
import dev.contactcard.contract.verifier.Spec;
import dev.contactcard.contract.verifier.Target;
import dev.contactcard.contract.verifier.report.RunListener.Counts;
import dev.contactcard.contract.verifier.report.RunListener.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Markdown summary of one verification: the outcome of each kind of check, the provider states
 * the target could not be put in with the interactions they left unverified, every failure on one
 * line, and the coverage table: each operation and documented status, and whether a pact, the
 * generative checks or nothing checked it.
 */
public final class Summary {

    private Summary() {}

    /**
     * @param passed whether the run passed (the exit code is 0)
     * @param interactions the interactions per consumer, as loaded from the pacts
     */
    public static String markdown(
            Target target,
            Options options,
            Spec spec,
            String verifierVersion,
            Instant started,
            boolean passed,
            Map<String, Integer> interactions,
            Map<Kind, Counts> counts,
            Ledger ledger) {
        StringBuilder md = new StringBuilder();
        md.append("# Contact Card contract verification: ")
                .append(passed ? "passed" : "failed")
                .append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| provider | ").append(target.baseUrl()).append(" |\n");
        md.append("| keys given | ").append(keysGiven(target)).append(" |\n");
        md.append("| failing test numbers | ")
                .append(target.failing().map(Object::toString).orElse("none"))
                .append(" |\n");
        md.append("| verifier | contact-card-contract-tests ")
                .append(verifierVersion)
                .append(", spec ")
                .append(spec.version())
                .append(" |\n");
        md.append("| run | ")
                .append(started)
                .append(", seed ")
                .append(options.seed())
                .append(", ")
                .append(options.requests())
                .append(" generative requests, ")
                .append(options.rate() > 0 ? options.rate() + " requests/s" : "no rate limit")
                .append(options.strict() ? ", strict" : "")
                .append(", ")
                .append(ledger.requestsSent())
                .append(" requests sent |\n\n");

        md.append("## Outcome\n\n| checks | verified | failed | not verified |\n|---|---|---|---|\n");
        for (Kind kind : Kind.values()) {
            Counts count = counts.get(kind);
            String title =
                    kind == Kind.INTERACTIONS ? kind.title() + " (" + consumers(interactions) + ")" : kind.title();
            md.append("| ")
                    .append(title)
                    .append(" | ")
                    .append(count.passed())
                    .append(" | ")
                    .append(count.failed())
                    .append(" | ")
                    .append(count.notRun())
                    .append(" |\n");
        }
        md.append('\n');

        List<Ledger.Unavailable> unavailable = ledger.unavailable();
        md.append("## Provider states that could not be set up\n\n");
        if (unavailable.isEmpty()) {
            md.append("None: the provider was put in every state the pacts name.\n\n");
        } else {
            md.append("Their interactions were not verified")
                    .append(options.strict() ? " and fail this strict run" : " (a strict run fails on them)")
                    .append(".\n\n| state | why | interactions not verified |\n|---|---|---|\n");
            for (Ledger.Unavailable state : unavailable) {
                md.append("| ")
                        .append(state.state())
                        .append(" | ")
                        .append(cell(state.reason()))
                        .append(" | ")
                        .append(cell(String.join("; ", state.interactions())))
                        .append(" |\n");
            }
            md.append('\n');
        }

        List<Finding> findings = ledger.findings();
        md.append("## Failures\n\n");
        if (findings.isEmpty()) {
            md.append("None.\n\n");
        } else {
            for (Finding finding : findings) {
                md.append("- `")
                        .append(finding.check())
                        .append("`: ")
                        .append(cell(finding.request()))
                        .append(": ")
                        .append(cell(finding.drift()))
                        .append('\n');
            }
            md.append('\n');
        }

        md.append("## Coverage: each operation and documented status\n\n");
        md.append("| operation | status | pact interactions | generative answers | checked |\n|---|---|---|---|---|\n");
        Map<String, List<Integer>> documented = spec.documentedStatuses();
        for (Map.Entry<String, List<Integer>> operation : documented.entrySet()) {
            String method = operation.getKey();
            for (int status : operation.getValue()) {
                int pacts = ledger.coverage(Ledger.Source.PACT, method, status);
                int generative = ledger.coverage(Ledger.Source.GENERATIVE, method, status);
                md.append("| ")
                        .append(method)
                        .append(" /v3/contact_card | ")
                        .append(status)
                        .append(" | ")
                        .append(pacts == 0 ? "" : pacts)
                        .append(" | ")
                        .append(generative == 0 ? "" : generative)
                        .append(" | ")
                        .append(
                                pacts > 0 && generative > 0
                                        ? "by a pact and the generative checks"
                                        : pacts > 0
                                                ? "by a pact"
                                                : generative > 0 ? "by the generative checks" : "**not checked**")
                        .append(" |\n");
            }
        }
        Set<String> undocumented = new TreeSet<>();
        for (String method : documented.keySet()) {
            for (int status : ledger.statusesSeen(method)) {
                if (!documented.get(method).contains(status)) {
                    undocumented.add(method + " " + status);
                }
            }
        }
        if (!undocumented.isEmpty()) {
            md.append("\nAnswered with a status the spec does not document for the operation: ")
                    .append(String.join(", ", undocumented))
                    .append(".\n");
        }
        return md.toString();
    }

    private static String consumers(Map<String, Integer> interactions) {
        StringBuilder text = new StringBuilder();
        interactions.forEach((consumer, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(consumer)
                .append(": ")
                .append(count));
        return text.toString();
    }

    private static String keysGiven(Target target) {
        StringBuilder keys = new StringBuilder("read-write");
        target.readOnly().ifPresent(key -> keys.append(", read-only"));
        target.otherPartner().ifPresent(key -> keys.append(", other partner's"));
        target.emptyPartner().ifPresent(key -> keys.append(", empty partner's"));
        target.listingPartner().ifPresent(key -> keys.append(", listing partner's"));
        return keys.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
