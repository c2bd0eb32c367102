package dev.contactcard.client;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One {@link ContactCardClient#create} call: its {@code Idempotency-Key} (a parameter of the
 * generated call, so Feign sends it on every attempt and retries reuse it), and whether an attempt
 * ended with an unknown outcome, recorded by {@link ContactCardRetryer}: one that may have been
 * stored although its answer was lost.
 *
 * <p>Feign runs a call's attempts, interceptors and retryer synchronously on the caller's thread,
 * which is what makes a thread-local the per-call context here.
 */
final class CreateCall {

    /** The request header that makes a create safe to retry (documented in the spec). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final ThreadLocal<CreateCall> CURRENT = new ThreadLocal<>();

    private final String idempotencyKey;
    private boolean outcomeUnknown;

    private CreateCall(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /** Runs {@code call} as one create call with a new random key. */
    static <T> T run(Supplier<String> keys, CallBody<T> call) {
        CreateCall previous = CURRENT.get();
        CreateCall current = new CreateCall(keys.get());
        CURRENT.set(current);
        try {
            return call.run(current);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The body of a create call, given its context. */
    interface CallBody<T> {
        T run(CreateCall call);
    }

    /** The create call running on this thread, or {@code null} for any other call. */
    static CreateCall current() {
        return CURRENT.get();
    }

    static String randomKey() {
        return UUID.randomUUID().toString();
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    /** Whether an earlier attempt of this call may have been stored although it failed. */
    boolean hadAttemptOfUnknownOutcome() {
        return outcomeUnknown;
    }

    /** Records a failed attempt; see {@link #mayHaveBeenProcessed}. */
    void attemptFailed(ContactCardException failure) {
        if (mayHaveBeenProcessed(failure)) {
            outcomeUnknown = true;
        }
    }

    /**
     * Whether the server may have processed a request that failed this way: yes after a 5xx, a
     * read timeout or a connection that broke after the request was sent; no after a refused
     * connection or a connect timeout (nothing was sent), or a 408 or 429 (the server says it did
     * not process it).
     */
    static boolean mayHaveBeenProcessed(ContactCardException failure) {
        if (failure instanceof ContactCardServiceException) {
            return ((ContactCardServiceException) failure).statusCode() >= 500;
        }
        Throwable cause = failure.getCause();
        return !(cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException);
    }
}
