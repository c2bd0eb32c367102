package dev.contactcard.server.error;

import java.io.IOException;

/**
 * Raised while the request body is read once it exceeds the limit. An {@link IOException} so that
 * it travels through the JSON reader's I/O error handling; {@link ApiExceptionHandler} finds it
 * in the cause chain and answers 413 / 2018.
 */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
