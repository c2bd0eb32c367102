package dev.contactcard.server.auth;

import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;
import dev.contactcard.server.generated.api.ContactCardApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every call of a {@link ContactCardApi} operation with its bearer API key
 * (401 / 2004 when missing, malformed or unknown) and refuses a read-only key any method other
 * than GET or HEAD (403 / 2005). It runs before the body is read, so an unauthenticated request
 * learns nothing about its body. Paths outside the API (spec, docs, health) are not touched.
 */
public class ApiKeyInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final ApiKeyRegistry registry;

    public ApiKeyInterceptor(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !ContactCardApi.class.isAssignableFrom(method.getBeanType())) {
            return true;
        }
        Caller caller = bearerKey(request)
                .flatMap(registry::authenticate)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED));
        boolean readOnlyMethod = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!readOnlyMethod && caller.permission() != Permission.READ_WRITE) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
        return true;
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
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String key = header.substring(BEARER.length()).trim();
        return key.isEmpty() || key.contains(" ") ? Optional.empty() : Optional.of(key);
    }
}
