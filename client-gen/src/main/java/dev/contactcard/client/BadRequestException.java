package dev.contactcard.client;

import java.util.List;
import java.util.Map;

/** HTTP 400: the request is invalid (codes 1001 to 1005: malformed JSON, phone number not E.164, a required field missing or blank, a field too long, a bad {@code image_url}). Not retried. */
public class BadRequestException extends ContactCardServiceException {

    private static final long serialVersionUID = 1L;

    BadRequestException(
            int statusCode, Integer errorCode, String errorMessage, Map<String, List<String>> headers, String body) {
        super(statusCode, errorCode, errorMessage, headers, body);
    }
}
