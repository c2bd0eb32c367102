package dev.contactcard.server.error;

import java.io.IOException;

/**
 * A request body refused while it is read: too large (413 / 2018), content-encoded (415 / 2019)
 * or too slow (408 / 2021). The body stream raises it, and a stream's failures are
 * {@link IOException}s, so this one is too: it reaches {@link ErrorBoundary} as the cause of the
 * failed read of the body (Spring MVC's {@code HttpMessageNotReadableException}), and is answered
 * with its own code.
 */
public final class RequestBodyRejectedException extends IOException {

    private final ErrorCode errorCode;

    public RequestBodyRejectedException(ErrorCode errorCode, String message) {
        super(message, null);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Readers of the body stream may see this more than once; the stack trace is never needed. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
