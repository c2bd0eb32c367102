package dev.contactcard.contract.verifier.pact;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.generators.GeneratorTestMode;
import au.com.dius.pact.provider.HttpClientFactory;
import au.com.dius.pact.provider.IProviderInfo;
import au.com.dius.pact.provider.ProviderClient;
import au.com.dius.pact.provider.ProviderResponse;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import dev.contactcard.contract.verifier.ProviderApi;
import dev.contactcard.contract.verifier.Target;
import dev.contactcard.contract.verifier.states.ProviderStates;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotlin.Pair;
import org.apache.hc.client5.http.classic.methods.HttpUriRequest;

/**
 * Pact's HTTP test target, pointed at the target's base URL, that also judges every answer by the
 * spec. The pacts record the path their consumer called under the base path {@code /api/partner}
 * (the spec's servers); the request is sent under the target's own base path instead, and with
 * the values the provider states handed over (the API key among them: an interaction whose states
 * name no key is sent with the read-write key). Nothing else of the recorded request changes.
 */
final class SpecCheckingTarget extends HttpTestTarget {

    /** The base path the consumers' pacts are recorded under. */
    static final String PACT_BASE_PATH = "/api/partner";

    private final ProviderApi api;
    private final Target target;
    private String lastRequest = "(no request)";
    private List<String> lastFindings = List.of();

    SpecCheckingTarget(ProviderApi api) {
        super(api.target().baseUrl().getHost(), port(api.target().baseUrl()), "/");
        this.api = api;
        this.target = api.target();
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    @Override
    public IProviderInfo getProviderInfo(String serviceName, PactSource pactSource) {
        IProviderInfo info = super.getProviderInfo(serviceName, pactSource);
        info.setProtocol(target.baseUrl().getScheme().toLowerCase(java.util.Locale.ROOT));
        return info;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Pair<Object, Object> prepareRequest(Pact pact, Interaction interaction, Map<String, Object> context) {
        Object providerState = context.get("providerState");
        Map<String, Object> values = providerState instanceof Map<?, ?> map
                ? new LinkedHashMap<>((Map<String, Object>) map)
                : new LinkedHashMap<>();
        values.putIfAbsent(ProviderStates.API_KEY, target.key());
        Map<String, Object> withDefaults = new LinkedHashMap<>(context);
        withDefaults.put("providerState", values);

        IRequest request = ((SynchronousRequestResponse) interaction)
                .getRequest()
                .generatedRequest(withDefaults, GeneratorTestMode.Provider);
        String path = request.getPath();
        if (path.startsWith(PACT_BASE_PATH)) {
            path = path.substring(PACT_BASE_PATH.length());
        }
        request.setPath(target.basePath() + path);
        lastRequest = describe(request, path);
        ProviderClient client = new ProviderClient(getProviderInfo("provider", null), new HttpClientFactory());
        return new Pair<>(client.prepareRequest(request), client);
    }

    @Override
    public ProviderResponse executeInteraction(Object client, Object request) {
        api.awaitTurn();
        ProviderResponse response = super.executeInteraction(client, request);
        String method = ((HttpUriRequest) request).getMethod();
        Map<String, List<String>> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        String body = response.getBody() == null || !response.getBody().isPresent()
                ? ""
                : response.getBody().valueAsString();
        int status = response.getStatusCode() == null ? 0 : response.getStatusCode();
        api.ledger().answered(method, status);
        lastFindings = api.spec().responseFindings(method, status, headers, body);
        return response;
    }

    /** The request last sent, as a failure shows it (method, path relative to the base URL, query; never the key). */
    String lastRequest() {
        return lastRequest;
    }

    /** What the spec says of the last answer; empty when it allows it. */
    List<String> lastFindings() {
        return lastFindings;
    }

    /** Forgets the last exchange, before the next interaction. */
    void reset() {
        lastRequest = "(no request)";
        lastFindings = List.of();
    }

    private static String describe(IRequest request, String path) {
        List<String> query = new ArrayList<>();
        request.getQuery().forEach((name, values) -> values.forEach(value -> query.add(name + "=" + value)));
        return request.getMethod() + " " + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }
}
