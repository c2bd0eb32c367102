package dev.contactcard.client;

import java.util.List;
import java.util.Map;

/** HTTP 429: too many requests. Retried (honouring {@code Retry-After}); this exception means the retries ran out. */
public class RateLimitException extends ContactCardServiceException {

    private static final long serialVersionUID = 1L;

    RateLimitException(
            int statusCode, Integer errorCode, String errorMessage, Map<String, List<String>> headers, String body) {
        super(statusCode, errorCode, errorMessage, headers, body);
    }
}
