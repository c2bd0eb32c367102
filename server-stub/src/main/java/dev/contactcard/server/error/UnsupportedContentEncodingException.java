package dev.contactcard.server.error;

import java.io.IOException;

/**
 * Raised when a request body is read that declares a {@code Content-Encoding} (gzip, br, ...):
 * the API takes plain {@code application/json} only. An {@link IOException} for the same reason as
 * {@link PayloadTooLargeException}; {@link ApiExceptionHandler} answers 415 / 2019.
 */
public class UnsupportedContentEncodingException extends IOException {

    public UnsupportedContentEncodingException() {
        super("Content-Encoding is not supported");
    }
}
