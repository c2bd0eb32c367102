package dev.contactcard.client;

import java.util.List;
import java.util.Map;

/** HTTP 404: for an update, code 2013: the number has no active card (finish the setup with {@link ContactCardClient#create} first). Not retried. */
public class NotFoundException extends ContactCardServiceException {

    private static final long serialVersionUID = 1L;

    NotFoundException(
            int statusCode, Integer errorCode, String errorMessage, Map<String, List<String>> headers, String body) {
        super(statusCode, errorCode, errorMessage, headers, body);
    }
}
