package dev.contactcard.client;

import java.util.List;
import java.util.Map;

/** HTTP 5xx: a failure on the provider (code 3006 for a 500). Retried; this exception means the retries ran out. */
public class InternalServerException extends ContactCardServiceException {

    private static final long serialVersionUID = 1L;

    InternalServerException(
            int statusCode, Integer errorCode, String errorMessage, Map<String, List<String>> headers, String body) {
        super(statusCode, errorCode, errorMessage, headers, body);
    }
}
