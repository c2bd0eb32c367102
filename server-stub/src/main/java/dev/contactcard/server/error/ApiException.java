package dev.contactcard.server.error;

import java.util.Map;

/**
 * A failure the API answers with a documented status and code, and the headers that go with it
 * ({@code Retry-After} of a 429). Thrown anywhere a request is handled, filters included;
 * {@link ErrorBoundary} answers it in the error envelope.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;
    private final Map<String, String> headers;

    public ApiException(ErrorCode errorCode) {
        this(errorCode, errorCode.defaultMessage());
    }

    public ApiException(ErrorCode errorCode, String message) {
        this(errorCode, message, Map.of());
    }

    public ApiException(ErrorCode errorCode, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.headers = Map.copyOf(headers);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Headers the answer carries besides the envelope's own. */
    public Map<String, String> headers() {
        return headers;
    }
}
