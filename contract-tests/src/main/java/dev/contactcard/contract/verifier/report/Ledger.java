package dev.contactcard.contract.verifier.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one verification run saw, beyond pass and fail, for its summary: which operation and
 * status each kind of check exercised (the coverage table), which provider states could not be
 * set up and the interactions they left unverified, and answers to the verifier's own requests
 * (state setup) that the spec does not allow.
 */
public final class Ledger {

    /** The kinds of checks that can cover an operation's status. */
    public enum Source {
        PACT,
        GENERATIVE
    }

    private final Map<String, Map<Integer, Map<Source, AtomicInteger>>> coverage = new TreeMap<>();
    private final Map<String, Set<Integer>> answered = new TreeMap<>();
    private final Map<String, Unavailable> unavailable = new LinkedHashMap<>();
    private final List<String> setupFindings = Collections.synchronizedList(new ArrayList<>());
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();

    /** A check of {@code source} judged an answer of {@code status} to {@code method}. */
    public synchronized void covered(Source source, String method, int status) {
        coverage.computeIfAbsent(method, m -> new TreeMap<>())
                .computeIfAbsent(status, s -> new LinkedHashMap<>())
                .computeIfAbsent(source, s -> new AtomicInteger())
                .incrementAndGet();
    }

    /** How many answers of {@code status} to {@code method} checks of {@code source} judged. */
    public synchronized int coverage(Source source, String method, int status) {
        AtomicInteger count = coverage.getOrDefault(method, Map.of())
                .getOrDefault(status, Map.of())
                .get(source);
        return count == null ? 0 : count.get();
    }

    /** The provider answered {@code method} with {@code status} (to any request of the verifier's). */
    public synchronized void answered(String method, int status) {
        answered.computeIfAbsent(method, m -> new TreeSet<>()).add(status);
    }

    /** Every status the provider answered {@code method} with, documented or not. */
    public synchronized Set<Integer> statusesSeen(String method) {
        return new LinkedHashSet<>(answered.getOrDefault(method, Set.of()));
    }

    /** {@code interaction} was not verified because the provider cannot be put in {@code state}. */
    public synchronized void unavailable(String state, String reason, String interaction) {
        unavailable
                .computeIfAbsent(state, name -> new Unavailable(name, reason, new ArrayList<>()))
                .interactions()
                .add(interaction);
    }

    /** Every state that could not be set up, in the order first met. */
    public synchronized List<Unavailable> unavailable() {
        return unavailable.values().stream()
                .map(state -> new Unavailable(state.state(), state.reason(), List.copyOf(state.interactions())))
                .toList();
    }

    /** An answer to the verifier's own setup request that the spec does not allow. */
    public void setupFinding(String finding) {
        setupFindings.add(finding);
    }

    public List<String> setupFindings() {
        synchronized (setupFindings) {
            return List.copyOf(setupFindings);
        }
    }

    /** A failed check, for the summary and the one-line report. */
    public void finding(Finding finding) {
        findings.add(finding);
    }

    public List<Finding> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    /** Counts one request sent to the provider. */
    public void requestSent() {
        requests.incrementAndGet();
    }

    public int requestsSent() {
        return requests.get();
    }

    /** A provider state that could not be set up, why, and the interactions it left unverified. */
    public record Unavailable(String state, String reason, List<String> interactions) {}
}
