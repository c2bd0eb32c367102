package dev.contactcard.server.conformance;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generated request to an operation of the spec: the method, the {@code phone_number} query
 * parameter ({@code null}: not sent) and the JSON body ({@code null}: none). Its {@link #toString}
 * is what a failure shows: every character outside ASCII escaped, so that an invisible one can be
 * seen.
 */
record GeneratedRequest(String method, String phoneNumber, ObjectNode body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper ESCAPING =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    String bodyJson() {
        return body == null ? null : JSON.writeValueAsString(body);
    }

    @Override
    public String toString() {
        String query = phoneNumber == null ? "" : "?phone_number=" + ESCAPING.writeValueAsString(phoneNumber);
        return method + " /v3/contact_card" + query + (body == null ? "" : " " + ESCAPING.writeValueAsString(body));
    }
}
