package dev.contactcard.contract.verifier;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request the verifier sent and the answer it received, with what the spec says of the answer.
 *
 * @param specFindings every rule of the spec the answer breaks; empty when the spec allows it
 */
public record Exchange(
        ApiRequest request, int status, Map<String, List<String>> headers, String body, List<String> specFindings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Exchange {
        headers = Map.copyOf(headers);
        specFindings = List.copyOf(specFindings);
    }

    /** The body as JSON; a missing node when it is not JSON. */
    public JsonNode json() {
        try {
            return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** {@code error.code} of the error envelope; empty when the answer has none. */
    public Optional<Integer> errorCode() {
        JsonNode code = json().path("error").path("code");
        return code.isInt() ? Optional.of(code.intValue()) : Optional.empty();
    }

    /** {@code 409/2014}, or {@code 200} for an answer without an error code. */
    public String statusAndCode() {
        return status + errorCode().map(code -> "/" + code).orElse("");
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }

    /** The answer on one line: status and body, escaped and cut. */
    public String answer() {
        return status + (body == null || body.isEmpty() ? "" : " " + Escaping.escape(body));
    }

    @Override
    public String toString() {
        return request + " -> " + answer();
    }
}
