package dev.contactcard.server.auth;

import dev.contactcard.server.error.ErrorCode;
import dev.contactcard.server.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request under the API's base path with its bearer API key, before anything
 * else looks at it: a missing, malformed, unknown or repeated key is answered 401 / 2004 whatever
 * the path, method, {@code Content-Type}, query or body, so a caller without a valid key learns
 * nothing about the API. The body is never read. An authenticated request carries its
 * {@link Caller} as the request attribute {@link Caller#REQUEST_ATTRIBUTE}; what the key may do
 * is checked later, by {@link PermissionInterceptor}. Registered by {@link AuthConfiguration} for
 * the base path only, ahead of the body-limit filter; the spec, docs and health
 * endpoints at the root are not touched.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeyRegistry registry;
    private final ErrorResponses errors;

    ApiKeyFilter(ApiKeyRegistry registry, ErrorResponses errors) {
        this.registry = registry;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = bearerKey(request).flatMap(registry::authenticate);
        if (caller.isEmpty()) {
            errors.write(response, ErrorCode.UNAUTHORIZED, ErrorCode.UNAUTHORIZED.defaultMessage());
            return;
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
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
