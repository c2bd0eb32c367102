package dev.contactcard.contract.verifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A provider that drifts: a loopback proxy in front of a real one that passes every request
 * through and changes some answers, as a provider team's change would. Runs in the test's JVM,
 * so a drift costs no second provider start.
 */
final class DriftingProxy implements AutoCloseable {

    /** Headers the JDK's client sets itself, or that describe the hop rather than the message. */
    private static final Set<String> HOP =
            Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final UnaryOperator<Answer> drift;

    /** An answer as the proxy passes it on. */
    record Answer(String method, String query, int status, String body) {}

    private DriftingProxy(URI target, UnaryOperator<Answer> drift) throws IOException {
        this.target = target;
        this.drift = drift;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /** A get of one number without a card answers 404/2013 instead of 200 and an empty list. */
    static DriftingProxy answering404ForEmptyLookUps(URI target) throws IOException {
        return new DriftingProxy(
                target,
                answer -> answer.method().equals("GET")
                                && answer.query() != null
                                && answer.query().startsWith("phone_number=")
                                && answer.status() == 200
                                && answer.body().replace(" ", "").equals("{\"contact_cards\":[]}")
                        ? new Answer(
                                answer.method(),
                                answer.query(),
                                404,
                                "{\"error\":{\"status\":404,\"code\":2013,\"message\":\"No contact card exists for this phone"
                                        + " number\"},\"success\":false}")
                        : answer);
    }

    /** The proxy's base URL: the target's path on the proxy's port. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getRawPath());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            URI upstream = URI.create("http://" + target.getRawAuthority()
                    + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream)
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header :
                    exchange.getRequestHeaders().entrySet()) {
                if (!HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Answer answer =
                    drift.apply(new Answer(exchange.getRequestMethod(), query, response.statusCode(), response.body()));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException(ex);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
