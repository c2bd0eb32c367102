package dev.contactcard.client;

import java.util.List;
import java.util.Map;

/** HTTP 422: the request was well-formed but could not be processed. Not retried. */
public class UnprocessableEntityException extends ContactCardServiceException {

    private static final long serialVersionUID = 1L;

    UnprocessableEntityException(
            int statusCode, Integer errorCode, String errorMessage, Map<String, List<String>> headers, String body) {
        super(statusCode, errorCode, errorMessage, headers, body);
    }
}
