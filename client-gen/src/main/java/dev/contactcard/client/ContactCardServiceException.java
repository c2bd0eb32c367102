package dev.contactcard.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The API answered with an error status. One subclass per status lets callers catch what they
 * handle ({@link ConflictException} for an existing card, {@link NotFoundException} for an update
 * without an active card, ...).
 *
 * <p>Every error of the API carries the envelope {@code {"error": {"status", "code", "message"},
 * "success": false}}. {@link #errorCode()} is the stable code to branch on (see the code table of
 * the API); {@link #errorMessage()} is for humans and may be reworded. When the body is not that
 * envelope (a proxy's HTML page, an empty body) both are empty and {@link #body()} holds what
 * arrived.
 */
public abstract class ContactCardServiceException extends ContactCardException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final Integer errorCode;
    private final String errorMessage;
    private final transient Map<String, List<String>> headers;
    private final String body;

    ContactCardServiceException(
            int statusCode, Integer errorCode, String errorMessage, Map<String, List<String>> headers, String body) {
        super(describe(statusCode, errorCode, errorMessage, headers, body));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body == null ? "" : body;
    }

    /** The HTTP status of the answer, for example {@code 409}. */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The API's stable error code ({@code error.code}, for example {@code 2014}), or empty when the
     * body was not the API's error envelope.
     */
    public OptionalInt errorCode() {
        return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }

    /**
     * The API's human-readable message ({@code error.message}), or empty when the body was not the
     * API's error envelope. Do not parse it; branch on {@link #errorCode()}.
     */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /** The response headers; names are case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers == null ? Map.of() : headers;
    }

    /** The first value of a response header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The raw response body as text; empty when the answer had none. */
    public String body() {
        return body;
    }

    private static String describe(
            int status, Integer code, String message, Map<String, List<String>> headers, String body) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (status >= 300 && status < 400) {
            String location = headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("Location"))
                    .flatMap(header -> header.getValue().stream())
                    .findFirst()
                    .map(value -> value.replaceFirst("[?#].*", ""))
                    .orElse("another URL");
            return text.append(": a redirect to ")
                    .append(location)
                    .append(", which the client does not follow (it would send the API key there); check"
                            + " the base URL")
                    .toString();
        }
        if (code != null) {
            text.append(" (code ").append(code).append(')');
        }
        if (message != null) {
            return text.append(": ").append(message).toString();
        }
        if (body == null || body.isBlank()) {
            return text.append(": empty response body").toString();
        }
        return text.append(": response is not the API's error envelope: ")
                .append(snippet(body))
                .toString();
    }
}
