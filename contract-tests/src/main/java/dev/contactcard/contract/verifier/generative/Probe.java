package dev.contactcard.contract.verifier.generative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contactcard.contract.verifier.ApiRequest;
import dev.contactcard.contract.verifier.Exchange;
import dev.contactcard.contract.verifier.ProviderApi;
import dev.contactcard.contract.verifier.report.Finding;
import dev.contactcard.contract.verifier.report.Ledger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One generative check's access to the provider: each answer is judged by the spec and counted in
 * the coverage; what the check finds wrong is kept as {@link Finding}s, one per failed check of
 * one request, to be reported together when the check ends.
 */
final class Probe {

    /** A check stops after this many findings: enough to see a drift, not a wall of them. */
    static final int MAX_FINDINGS = 20;

    private final String check;
    private final ProviderApi api;
    private final List<Finding> findings = new ArrayList<>();

    Probe(String check, ProviderApi api) {
        this.check = check;
        this.api = api;
    }

    ProviderApi api() {
        return api;
    }

    /** Sends a request and judges its answer by the spec; an answer the spec does not allow is a finding. */
    Exchange send(ApiRequest request) {
        Exchange exchange = api.send(request);
        api.ledger().covered(Ledger.Source.GENERATIVE, request.method(), exchange.status());
        if (!exchange.specFindings().isEmpty()) {
            fail(
                    request,
                    "answered " + exchange.answer() + ", which the spec does not allow: "
                            + String.join("; ", exchange.specFindings()));
        }
        return exchange;
    }

    /**
     * The card the partner of {@code key} holds for {@code number}, as a get of the number shows it.
     *
     * @return empty when the number has no card; {@code null} when the get was not answered with a list (a finding)
     */
    Optional<JsonNode> cardOf(String number, String key) {
        Exchange found = send(ApiRequest.of("GET", number, key, null));
        JsonNode cards = found.json().path("contact_cards");
        if (found.status() != 200 || !cards.isArray() || cards.size() > 1) {
            fail(
                    found.request(),
                    "a get of a valid number must answer 200 with at most one card, but answered " + found.answer());
            return null;
        }
        return cards.isEmpty() ? Optional.empty() : Optional.of(cards.get(0));
    }

    /** A finding unless the answer is {@code status} with one of {@code codes} in the error envelope. */
    boolean expectError(Exchange exchange, int status, Collection<Integer> codes, String why) {
        boolean ok = exchange.status() == status
                && exchange.errorCode().filter(codes::contains).isPresent();
        if (!ok) {
            Set<Integer> sorted = new TreeSet<>(codes);
            fail(
                    exchange.request(),
                    why + ", so " + status + " with code "
                            + (sorted.size() == 1 ? sorted.iterator().next() : "one of " + sorted)
                            + ", but it answered " + exchange.answer());
        }
        return ok;
    }

    /**
     * A finding unless the answer is one of several errors: when a request breaks rules the spec
     * orders no way (a body too large, and a bad number), the answer to any of them is right.
     */
    boolean expectAnyError(Exchange exchange, Map<Integer, Set<Integer>> allowed, String why) {
        boolean ok = allowed.containsKey(exchange.status())
                && exchange.errorCode()
                        .filter(allowed.get(exchange.status())::contains)
                        .isPresent();
        if (!ok) {
            StringBuilder expected = new StringBuilder();
            allowed.forEach((status, codes) -> expected.append(expected.length() == 0 ? "" : " or ")
                    .append(status)
                    .append(" with code ")
                    .append(codes.size() == 1 ? codes.iterator().next() : "one of " + new TreeSet<>(codes)));
            fail(exchange.request(), why + ", so " + expected + ", but it answered " + exchange.answer());
        }
        return ok;
    }

    /** A finding unless the answer is 200. */
    boolean expectOk(Exchange exchange, String why) {
        if (exchange.status() != 200) {
            fail(exchange.request(), why + ", so 200, but it answered " + exchange.answer());
            return false;
        }
        return true;
    }

    void fail(ApiRequest request, String drift) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(new Finding(check, request.toString(), drift));
        }
    }

    boolean full() {
        return findings.size() >= MAX_FINDINGS;
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }
}
