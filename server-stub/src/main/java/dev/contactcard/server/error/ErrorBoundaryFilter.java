package dev.contactcard.server.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Takes an {@link ApiException} a filter raises (outside Spring MVC's dispatch) to
 * {@link ErrorBoundary}, through Spring MVC's own exception resolvers: a filter refuses a request
 * by throwing, as a controller does, and the answer is written in the one place. Registered by
 * {@link ErrorConfiguration} ahead of every filter that throws one, for every path. Anything else
 * a filter raises is the container's to handle (its error dispatch ends at
 * {@link EnvelopeErrorController}).
 */
class ErrorBoundaryFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver resolver;

    ErrorBoundaryFilter(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ApiException refused) {
            if (resolver.resolveException(request, response, null, refused) == null) {
                throw refused;
            }
        }
    }
}
