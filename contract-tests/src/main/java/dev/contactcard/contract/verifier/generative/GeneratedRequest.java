package dev.contactcard.contract.verifier.generative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contactcard.contract.verifier.ApiRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request to an operation of the spec: the method, the {@code phone_number} query
 * parameter ({@code null}: not sent), the JSON body ({@code null}: none) and headers besides the
 * key and the content type.
 */
record GeneratedRequest(String method, String phoneNumber, ObjectNode body, Map<String, String> headers) {

    GeneratedRequest(String method, String phoneNumber, ObjectNode body) {
        this(method, phoneNumber, body, Map.of());
    }

    GeneratedRequest {
        headers = Map.copyOf(headers);
    }

    String bodyJson() {
        return body == null ? null : body.toString();
    }

    /** The request as sent with {@code key} ({@code null}: no {@code Authorization} header). */
    ApiRequest withKey(String key) {
        ApiRequest request = ApiRequest.of(method, phoneNumber, key, bodyJson());
        for (Map.Entry<String, String> header : new LinkedHashMap<>(headers).entrySet()) {
            request = request.with(header.getKey(), header.getValue());
        }
        return request;
    }
}
