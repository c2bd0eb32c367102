package dev.contactcard.server.error;

/**
 * A failure the API answers with a documented status and code. Thrown anywhere in request
 * handling; {@link ApiExceptionHandler} turns it into the error envelope.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;

    public ApiException(ErrorCode errorCode) {
        this(errorCode, errorCode.defaultMessage());
    }

    public ApiException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
