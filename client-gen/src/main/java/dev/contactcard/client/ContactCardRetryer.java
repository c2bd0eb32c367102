package dev.contactcard.client;

import feign.RetryableException;
import feign.Retryer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The client's retry policy, plugged into Feign's retry loop.
 *
 * <p>Feign hands it every {@link RetryableException}: an I/O failure of the transport (connection
 * refused or reset, connect or read timeout), or a 408, 429 or 5xx answer (wrapped by {@link
 * ContactCardErrorDecoder}). Up to {@code maxRetries} times it waits and lets Feign try again;
 * then it propagates the failure as a {@link ContactCardException} (Feign's {@code UNWRAP} policy
 * throws the cause). No other status ever reaches it, so a 400, 401, 403, 404 or 409 is never
 * retried.
 *
 * <p>The wait before retry {@code n} (0-based) is {@code min(0.5 s * 2^n, 8 s)}, reduced by a
 * random jitter of up to 25%. When the answer carries {@code Retry-After-Ms} (milliseconds) or
 * {@code Retry-After} (seconds, or an HTTP date), that wait is used instead, capped at 8 s.
 *
 * <p>Feign clones it for every call, so the attempt count is per call.
 */
final class ContactCardRetryer implements Retryer {

    static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    static final double MAX_JITTER = 0.25;

    private final int maxRetries;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private int retries;

    ContactCardRetryer(int maxRetries, Sleeper sleeper, Clock clock, DoubleSupplier random) {
        this.maxRetries = maxRetries;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    static DoubleSupplier defaultRandom() {
        return () -> ThreadLocalRandom.current().nextDouble();
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        ContactCardException failure = e.getCause() instanceof ContactCardException
                ? (ContactCardException) e.getCause()
                : TransportFailures.translate(e.getCause(), e.request());
        CreateCall create = CreateCall.current();
        if (create != null) {
            create.attemptFailed(failure);
        }
        if (retries >= maxRetries || Thread.currentThread().isInterrupted()) {
            throw propagate(e, failure);
        }
        Duration delay = delayBeforeRetry(retries, failure);
        retries++;
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw propagate(e, failure);
        }
    }

    /** The wait before retry number {@code retry} (0-based) after {@code failure}. */
    Duration delayBeforeRetry(int retry, ContactCardException failure) {
        if (failure instanceof ContactCardServiceException) {
            Optional<Duration> asked = retryAfter((ContactCardServiceException) failure);
            if (asked.isPresent()) {
                return asked.get().compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : asked.get();
            }
        }
        double backoffMillis = Math.min(INITIAL_BACKOFF.toMillis() * Math.pow(2, retry), MAX_BACKOFF.toMillis());
        double jitter = 1.0 - MAX_JITTER * random.getAsDouble();
        return Duration.ofNanos(Math.round(backoffMillis * jitter * 1_000_000));
    }

    private Optional<Duration> retryAfter(ContactCardServiceException failure) {
        Optional<String> millis = failure.header("Retry-After-Ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(
                        nonNegative(Math.round(Double.parseDouble(millis.get().trim()) * 1e6)));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        Optional<String> value = failure.header("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(nonNegative(Math.round(Double.parseDouble(value.get()) * 1e9)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Optional.of(
                        nonNegative(Duration.between(clock.instant(), at).toNanos()));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Duration nonNegative(long nanos) {
        return Duration.ofNanos(Math.max(0, nanos));
    }

    private static RetryableException propagate(RetryableException e, ContactCardException failure) {
        return new RetryableException(e.status(), failure.getMessage(), e.method(), failure, (Long) null, e.request());
    }

    @Override
    public Retryer clone() {
        return new ContactCardRetryer(maxRetries, sleeper, clock, random);
    }
}
