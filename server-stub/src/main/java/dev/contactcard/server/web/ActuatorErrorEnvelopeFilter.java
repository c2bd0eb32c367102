package dev.contactcard.server.web;

import dev.contactcard.server.error.ErrorCode;
import dev.contactcard.server.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers the actuator's bodiless errors in the envelope: Spring Boot's endpoints answer an
 * unknown path below an endpoint ({@code /actuator/health/<unknown>}) with an empty 404, which
 * never reaches the error controller. An error answer with a body (a health check that is
 * {@code DOWN}, 503) is left as it is.
 */
class ActuatorErrorEnvelopeFilter extends OncePerRequestFilter {

    private final ErrorResponses errors;

    ActuatorErrorEnvelopeFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() >= 400 && wrapper.getContentSize() == 0 && !response.isCommitted()) {
            ErrorCode code = ErrorCode.forStatus(wrapper.getStatus());
            errors.write(response, code, code.defaultMessage());
            return;
        }
        wrapper.copyBodyToResponse();
    }
}
