package dev.contactcard.client;

import java.util.List;
import java.util.Map;

/** HTTP 409 (code 2014): the number already has an active card; nothing was changed. Use {@link ContactCardClient#update} to change it. Never retried: retrying cannot help. */
public class ConflictException extends ContactCardServiceException {

    private static final long serialVersionUID = 1L;

    ConflictException(
            int statusCode, Integer errorCode, String errorMessage, Map<String, List<String>> headers, String body) {
        super(statusCode, errorCode, errorMessage, headers, body);
    }
}
