package dev.contactcard.client;

import java.util.List;
import java.util.Map;

/** HTTP 403 (code 2005): the key may not do this, for example a read-only key calling create or update. Not retried. */
public class PermissionDeniedException extends ContactCardServiceException {

    private static final long serialVersionUID = 1L;

    PermissionDeniedException(
            int statusCode, Integer errorCode, String errorMessage, Map<String, List<String>> headers, String body) {
        super(statusCode, errorCode, errorMessage, headers, body);
    }
}
