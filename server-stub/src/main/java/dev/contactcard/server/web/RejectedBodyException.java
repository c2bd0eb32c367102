package dev.contactcard.server.web;

import dev.contactcard.server.error.ApiException;
import java.io.IOException;

/**
 * A request body refused while it is read (too large, or content-encoded). An {@link IOException}
 * so that it travels through the JSON reader's I/O error handling; its cause is the
 * {@link ApiException} to answer, which {@code ApiExceptionHandler} finds in the cause chain.
 */
final class RejectedBodyException extends IOException {

    private RejectedBodyException(ApiException answer) {
        super(answer.getMessage(), answer);
    }

    static RejectedBodyException of(ApiException answer) {
        return new RejectedBodyException(answer);
    }
}
