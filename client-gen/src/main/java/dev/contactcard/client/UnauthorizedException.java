package dev.contactcard.client;

import java.util.List;
import java.util.Map;

/** HTTP 401 (code 2004): the API key is missing, malformed or unknown. Not retried. */
public class UnauthorizedException extends ContactCardServiceException {

    private static final long serialVersionUID = 1L;

    UnauthorizedException(
            int statusCode, Integer errorCode, String errorMessage, Map<String, List<String>> headers, String body) {
        super(statusCode, errorCode, errorMessage, headers, body);
    }
}
