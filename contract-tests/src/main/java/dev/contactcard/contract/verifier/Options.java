package dev.contactcard.contract.verifier;

import java.time.Duration;

/**
 * How a verification runs, apart from its target.
 *
 * @param strict whether an interaction left unverified (a provider state the target cannot be put
 *     in) fails the run
 * @param requests the most requests the generative checks may send (setup and read-backs included)
 * @param rate the most requests per second the verifier sends; 0 for no limit
 * @param seed the seed of the generative checks: the same seed sends the same requests
 * @param timeout how long to wait for a connection and for each read of an answer
 */
public record Options(boolean strict, int requests, double rate, long seed, Duration timeout) {

    /** The generative checks' default budget of requests. */
    public static final int DEFAULT_REQUESTS = 600;

    public Options {
        if (requests < 0) {
            throw new IllegalArgumentException("The request budget must not be negative");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("The rate must not be negative (0 for no limit)");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive");
        }
    }

    public static Options defaults(long seed) {
        return new Options(false, DEFAULT_REQUESTS, 0, seed, Duration.ofSeconds(30));
    }

    public Options withStrict(boolean value) {
        return new Options(value, requests, rate, seed, timeout);
    }

    public Options withRequests(int value) {
        return new Options(strict, value, rate, seed, timeout);
    }
}
