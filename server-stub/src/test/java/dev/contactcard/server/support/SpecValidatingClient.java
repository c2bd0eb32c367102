package dev.contactcard.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.contactcard.spec.ContactCardSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real HTTP on loopback against the provider. Every answer to an API operation is validated
 * against the spec (read from the contact-card-api-spec jar on the test classpath) with
 * swagger-request-validator's {@link OpenApiInteractionValidator}: a test fails when the provider
 * answers anything the spec does not allow. Only answers to requests the spec cannot describe
 * (unknown paths, wrong methods) are taken with {@link #sendOutsideSpec}, and asserted on the
 * envelope by the test.
 *
 * <p>This is where the build enforces the strict-provider half of the policy on undocumented
 * response fields (docs/VERSIONING.md): swagger-request-validator treats every object schema
 * without {@code additionalProperties} as closed, so an answer carrying a field the spec does not
 * document fails the test that received it ({@code SpecValidatingClientTest} proves it).
 */
public final class SpecValidatingClient {

    public static final String BASE_PATH = "/api/partner";
    public static final String CARDS = BASE_PATH + "/v3/contact_card";

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(readSpec())
                    .withBasePathOverride(BASE_PATH)
                    .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String root;

    public SpecValidatingClient(int port) {
        this.root = "http://127.0.0.1:" + port;
    }

    /** The spec as the provider's tests see it: from the spec jar on the classpath. */
    public static String readSpec() {
        return ContactCardSpec.text();
    }

    public Answer create(String apiKey, String json) {
        return send("POST", CARDS, json, headers(apiKey, "application/json"));
    }

    public Answer list(String apiKey) {
        return send("GET", CARDS, null, headers(apiKey, null));
    }

    public Answer get(String apiKey, String phoneNumber) {
        return send("GET", CARDS + "?phone_number=" + encode(phoneNumber), null, headers(apiKey, null));
    }

    public Answer update(String apiKey, String phoneNumber, String json) {
        return send("PATCH", CARDS + "?phone_number=" + encode(phoneNumber), json, headers(apiKey, "application/json"));
    }

    /** Sends a request to an API operation and validates the answer against the spec. */
    public Answer send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        Answer answer = exchange(method, pathAndQuery, body, headers);
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        ValidationReport report = validate(
                path, method, answer.status(), answer.response().headers().map(), answer.body());
        assertThat(report.getMessages())
                .as(
                        "%s %s answered %s %s, which the spec does not allow",
                        method, pathAndQuery, answer.status(), answer.body())
                .isEmpty();
        return answer;
    }

    /** Validates one answer against the spec (public so that a test can prove the check bites). */
    public static ValidationReport validate(
            String path, String method, int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        headers.forEach(response::withHeader);
        return VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
    }

    /** Sends a request the spec cannot describe (an unknown path or method); the answer is not validated. */
    public Answer sendOutsideSpec(String method, String pathAndQuery, String body, Map<String, String> headers) {
        return exchange(method, pathAndQuery, body, headers);
    }

    public static Map<String, String> headers(String apiKey, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put("Authorization", "Bearer " + apiKey);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    private Answer exchange(String method, String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + pathAndQuery))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            return new Answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An answer of the Java HTTP client. */
    public record Answer(HttpResponse<String> response) implements HttpAnswer {

        @Override
        public int status() {
            return response.statusCode();
        }

        @Override
        public String body() {
            return response.body();
        }

        @Override
        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }
}
