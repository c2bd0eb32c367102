package dev.contactcard.contract.verifier;

import com.google.common.util.concurrent.RateLimiter;
import dev.contactcard.contract.verifier.report.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;

/**
 * The verifier's own access to the provider under verification: every request of the provider
 * states and of the generative checks goes through here. Each request is paced to the caller's
 * rate, sent exactly as given (a query with a broken percent escape included: Apache HttpClient
 * sends the request line as written, where {@code java.net.URI} would refuse it), never retried
 * or redirected, and each answer is judged by the spec.
 *
 * <p>Build one per run and close it at the end (it holds a connection pool).
 */
public final class ProviderApi implements AutoCloseable {

    /** The path of the Contact Card operations, relative to the base URL. */
    public static final String OPERATION_PATH = "/v3/contact_card";

    private final Target target;
    private final Spec spec;
    private final Ledger ledger;
    private final RateLimiter pace;
    private final CloseableHttpClient http;
    private final HttpHost host;

    /**
     * @param requestsPerSecond the most requests per second to send; 0 for no limit
     * @param timeout how long to wait to connect, and for each read of an answer
     */
    public ProviderApi(Target target, Spec spec, Ledger ledger, double requestsPerSecond, Duration timeout) {
        this.target = target;
        this.spec = spec;
        this.ledger = ledger;
        this.pace = requestsPerSecond > 0 ? RateLimiter.create(requestsPerSecond) : null;
        this.host = HttpHost.create(target.baseUrl());
        Timeout limit = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .setUserAgent("contact-card-verifier")
                .build();
    }

    public Target target() {
        return target;
    }

    public Spec spec() {
        return spec;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Waits until the caller's rate allows one more request (at once when no rate was set). */
    public void awaitTurn() {
        if (pace != null) {
            pace.acquire();
        }
        ledger.requestSent();
    }

    /**
     * Sends {@code request} and judges the answer by the spec (the operation's documented answers;
     * a request outside the operations is judged by no rule and gets no findings).
     *
     * @throws UncheckedIOException when no answer arrives (refused, reset, timed out)
     */
    public Exchange send(ApiRequest request) {
        awaitTurn();
        ClassicHttpRequest http =
                new BasicClassicHttpRequest(request.method(), host, target.basePath() + request.pathAndQuery());
        request.headers().forEach(http::addHeader);
        if (request.body() != null) {
            http.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8), null));
        }
        try {
            return this.http.execute(http, response -> {
                String body = response.getEntity() == null
                        ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (Header header : response.getHeaders()) {
                    headers.computeIfAbsent(header.getName(), name -> new ArrayList<>())
                            .add(header.getValue());
                }
                ledger.answered(request.method(), response.getCode());
                List<String> findings = isOperation(request.method())
                        ? spec.responseFindings(request.method(), response.getCode(), headers, body)
                        : List.of();
                return new Exchange(request, response.getCode(), headers, body, findings);
            });
        } catch (IOException ex) {
            throw new UncheckedIOException("No answer to " + request + ": " + ex, ex);
        }
    }

    private static boolean isOperation(String method) {
        return method.equals("GET") || method.equals("POST") || method.equals("PATCH");
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
