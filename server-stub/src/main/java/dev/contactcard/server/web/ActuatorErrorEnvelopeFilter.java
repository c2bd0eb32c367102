package dev.contactcard.server.web;

import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;
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
 * {@code DOWN}, 503) is left as it is. The bodiless error is raised as the {@code ApiException} of
 * its status, which the error boundary answers.
 */
class ActuatorErrorEnvelopeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() >= 400 && wrapper.getContentSize() == 0 && !response.isCommitted()) {
            throw new ApiException(ErrorCode.forStatus(wrapper.getStatus()));
        }
        wrapper.copyBodyToResponse();
    }
}
