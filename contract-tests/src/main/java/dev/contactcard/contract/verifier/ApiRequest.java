package dev.contactcard.contract.verifier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to the Contact Card operations ({@code <base URL>/v3/contact_card}).
 *
 * @param method {@code GET}, {@code POST} or {@code PATCH} (or any other, for requests outside the spec)
 * @param rawQuery the query exactly as sent (already percent-encoded), or {@code null} for none
 * @param headers the request headers, in order; {@code Authorization} is never shown by {@link #toString}
 * @param body the body (UTF-8), or {@code null} for none
 */
public record ApiRequest(String method, String rawQuery, Map<String, String> headers, String body) {

    public ApiRequest {
        headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    /** A request with {@code Authorization: Bearer <key>} (no header when {@code key} is null). */
    public static ApiRequest of(String method, String phoneNumber, String key, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new ApiRequest(
                method, phoneNumber == null ? null : "phone_number=" + encode(phoneNumber), headers, body);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** This request with one more header (or one replaced). */
    public ApiRequest with(String header, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(name -> name.equalsIgnoreCase(header));
        if (value != null) {
            copy.put(header, value);
        }
        return new ApiRequest(method, rawQuery, copy, body);
    }

    /** The operation's path relative to the base URL, with the query. */
    public String pathAndQuery() {
        return ProviderApi.OPERATION_PATH + (rawQuery == null ? "" : "?" + rawQuery);
    }

    /** How failures show the request: method, path, query and body, every non-ASCII character escaped; never the key. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(pathAndQuery());
        String contentType = headers.entrySet().stream()
                .filter(entry -> !entry.getKey().equalsIgnoreCase("Authorization"))
                .filter(entry -> !entry.getKey().equalsIgnoreCase("Content-Type")
                        || !entry.getValue().equals("application/json"))
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .reduce((a, b) -> a + ", " + b)
                .map(other -> " [" + other + "]")
                .orElse("");
        text.append(contentType);
        if (body != null) {
            text.append(' ').append(Escaping.escape(body));
        }
        return text.toString();
    }
}
