package dev.contactcard.server.error;

import java.util.Optional;

/**
 * Turns a failure another package knows how to read into the {@link ApiException} to answer,
 * for {@link ErrorBoundary}: how a broken validation rule maps to the spec's codes is the
 * {@code validation} package's business, written there.
 */
@FunctionalInterface
public interface FailureTranslator {

    /** The answer for the failure, or empty when this translator does not know it. */
    Optional<ApiException> translate(Exception failure);
}
