package dev.contactcard.contract.consumer;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.PactVerificationResult;
import org.assertj.core.api.ThrowableAssert;

/**
 * Runs a call of a consumer test against Pact's mock server so that a failure names what drifted.
 *
 * <p>When the consumer sends a request the pact does not expect, the mock server answers {@code
 * 500} and the client throws what it makes of that ({@code HTTP 500: response is not the API's
 * error envelope ...}), which says nothing about the drift. Here a call that throws is checked
 * against the mock server's own verdict: if the mock server saw a mismatch, the test fails with
 * Pact's description of it ("Expected a Map with keys [image_url] but received one with keys
 * []"), and the client's exception as the cause. A call that throws while the mock server saw
 * exactly what the pact expects (a recorded 4xx, say) rethrows the client's exception untouched.
 */
public final class PactMismatches {

    private PactMismatches() {}

    /** A call of the code under test; may throw anything. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws Throwable;
    }

    /** Runs {@code call}; when it throws, reports Pact's mismatches instead, if there are any. */
    public static <T> T against(MockServer server, Call<T> call) {
        try {
            return call.run();
        } catch (Throwable thrown) {
            throw PactMismatches.<RuntimeException>sneaky(withMismatches(server, thrown));
        }
    }

    /** {@link #against} for a call whose outcome is asserted with {@code assertThatThrownBy}. */
    public static ThrowableAssert.ThrowingCallable calling(MockServer server, ThrowableAssert.ThrowingCallable call) {
        return () -> {
            try {
                call.call();
            } catch (Throwable thrown) {
                throw withMismatches(server, thrown);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable thrown) throws E {
        throw (E) thrown;
    }

    private static Throwable withMismatches(MockServer server, Throwable thrown) {
        PactVerificationResult verdict = server.validateMockServerState(null);
        if (verdict instanceof PactVerificationResult.Ok) {
            return thrown;
        }
        return new AssertionError(
                "The consumer's request does not match the pact (Pact's mock server reports):\n"
                        + verdict.getDescription()
                        + "\nThe client then threw: "
                        + thrown,
                thrown);
    }
}
