package dev.contactcard.server.auth;

import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request under the API's base path with its bearer API key, before anything
 * else looks at it: a missing, malformed, unknown or repeated key is answered 401 / 2004 whatever
 * the path, method, {@code Content-Type}, query or body, so a caller without a valid key learns
 * nothing about the API. The body is never read. An authenticated request carries its
 * {@link Caller} as the request attribute {@link Caller#REQUEST_ATTRIBUTE}; what the key may do
 * is checked later, by {@link PermissionInterceptor}. A key may have at most
 * {@code contactcard.limits.max-in-flight-per-key} requests in flight: one more is answered
 * 429 / 2020 with {@code Retry-After}, before its body is read, so one caller cannot take every
 * worker thread. Both refusals are thrown as {@code ApiException}s and answered by the error
 * boundary. Registered by {@link AuthConfiguration} for the base path only, ahead of the body-limit
 * filter; the spec, docs and health endpoints at the root are not touched.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    /** What a 429 tells the caller to wait, in seconds: requests of a sandbox take milliseconds. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final ApiKeyRegistry registry;
    private final int maxInFlightPerKey;
    private final Semaphore[] inFlight;

    ApiKeyFilter(ApiKeyRegistry registry, int maxInFlightPerKey) {
        this.registry = registry;
        this.maxInFlightPerKey = maxInFlightPerKey;
        this.inFlight = new Semaphore[registry.size()];
        for (int i = 0; i < inFlight.length; i++) {
            inFlight[i] = new Semaphore(maxInFlightPerKey);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int key = bearerKey(request).map(registry::indexOf).orElse(-1);
        if (key < 0) {
            throw new ApiException(ErrorCode.UNAUTHORIZED);
        }
        if (!inFlight[key].tryAcquire()) {
            // Answered before the body is read; the connection is closed so that the unread body
            // (which may be arriving slowly) is not drained by a worker thread.
            throw new ApiException(
                    ErrorCode.TOO_MANY_REQUESTS_IN_FLIGHT,
                    "This API key already has " + maxInFlightPerKey
                            + " requests in flight; retry after the seconds in Retry-After",
                    Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS, HttpHeaders.CONNECTION, "close"));
        }
        try {
            request.setAttribute(Caller.REQUEST_ATTRIBUTE, registry.caller(key));
            chain.doFilter(request, response);
        } finally {
            inFlight[key].release();
        }
    }

    /**
     * The key of the one {@code Authorization: Bearer <key>} header. Two {@code Authorization}
     * headers are malformed: which one counts would depend on who reads the request (a proxy may
     * take the last), so neither does.
     */
    private static Optional<String> bearerKey(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (headers.size() != 1) {
            return Optional.empty();
        }
        String header = headers.get(0);
        if (header == null
                || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String key = header.substring(BEARER.length()).trim();
        return key.isEmpty() || key.contains(" ") ? Optional.empty() : Optional.of(key);
    }
}
