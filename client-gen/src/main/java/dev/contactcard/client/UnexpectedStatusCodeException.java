package dev.contactcard.client;

import java.util.List;
import java.util.Map;

/** An error status the client has no dedicated type for (for example 405, 413, 415, or a 3xx redirect, which the client does not follow). A 408 is retried; the others are not. */
public class UnexpectedStatusCodeException extends ContactCardServiceException {

    private static final long serialVersionUID = 1L;

    UnexpectedStatusCodeException(
            int statusCode, Integer errorCode, String errorMessage, Map<String, List<String>> headers, String body) {
        super(statusCode, errorCode, errorMessage, headers, body);
    }
}
