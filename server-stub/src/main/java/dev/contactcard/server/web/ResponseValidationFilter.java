package dev.contactcard.server.web;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The sandbox checks itself ({@code CONTACT_CARD_VALIDATE_RESPONSES=true}): every answer to an
 * operation of the spec is held back and validated against the spec (swagger-request-validator,
 * the same judge the tests use) before it is sent. An answer the spec does not allow is logged with
 * the operation and the JSON path of each violation and replaced by 500/3006, so a drift between
 * provider and spec shows at the first request that reveals it, instead of reaching a client as
 * a well-formed but wrong answer. Registered outermost (see {@link ResponseValidationConfiguration}),
 * so that the answers of every filter (401 of the key check, 413 and 415 of the body limit) are
 * checked too.
 */
class ResponseValidationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ResponseValidationFilter.class);
    private static final Set<String> OPERATION_METHODS = Set.of("GET", "POST", "PATCH");

    private final OpenApiInteractionValidator validator;
    private final String operationsPath;
    private final HandlerExceptionResolver errorBoundary;

    /**
     * @param errorBoundary Spring MVC's exception resolvers, which end at the error boundary: an
     *     answer the spec does not allow is replaced by the boundary's answer to a provider failure
     */
    ResponseValidationFilter(String spec, String basePath, HandlerExceptionResolver errorBoundary) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                .withBasePathOverride(basePath)
                .build();
        this.operationsPath = basePath + "/v3/contact_card";
        this.errorBoundary = errorBoundary;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Only the spec's operations: unknown paths (2016) and methods (2017) have no answer in it.
        return !request.getRequestURI().equals(operationsPath) || !OPERATION_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            if (response.isCommitted() && held.getContentSize() == 0) {
                // The container committed this answer itself, outside the chain: a request body that
                // broke off mid-read (the client closed or stalled) is answered through Tomcat's
                // error dispatch, whose envelope the error controller writes. Nothing here to hold,
                // check or replace.
                log.debug(
                        "{} {}: answered by the container, not checked", request.getMethod(), request.getRequestURI());
            } else {
                checkAndSend(request, response, held);
            }
        }
    }

    private void checkAndSend(
            HttpServletRequest request, HttpServletResponse response, ContentCachingResponseWrapper held)
            throws IOException {
        List<String> violations = violations(request.getMethod(), held);
        if (!violations.isEmpty()) {
            log.error(
                    "The answer {} to {} {} is not one the spec allows; answered 500/3006 instead: {}",
                    held.getStatus(),
                    request.getMethod(),
                    request.getRequestURI(),
                    String.join("; ", violations));
            held.resetBuffer();
            errorBoundary.resolveException(request, held, null, new ApiException(ErrorCode.INTERNAL_ERROR));
        }
        // Copied with its length and without an explicit flush (copyBodyToResponse() flushes).
        byte[] body = held.getContentAsByteArray();
        if (!response.isCommitted()) {
            response.setContentLength(body.length);
        }
        response.getOutputStream().write(body);
    }

    /** Each violation as "operationId at JSON path: message"; empty when the answer conforms. */
    private List<String> violations(String method, ContentCachingResponseWrapper held) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(held.getStatus())
                .withBody(new String(held.getContentAsByteArray(), StandardCharsets.UTF_8));
        for (String name : held.getHeaderNames()) {
            answer.withHeader(name, List.copyOf(held.getHeaders(name)));
        }
        if (held.getContentType() != null) {
            answer.withContentType(held.getContentType());
        }
        ValidationReport report =
                validator.validateResponse(operationsPath, Request.Method.valueOf(method), answer.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> describe(method, message))
                .collect(Collectors.toList());
    }

    private static String describe(String method, ValidationReport.Message message) {
        String operation = message.getContext()
                .flatMap(ValidationReport.MessageContext::getApiOperation)
                .map(op -> op.getOperation().getOperationId())
                .orElse(method + " /v3/contact_card");
        String path = message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .filter(pointer -> !pointer.isEmpty())
                .orElse("/");
        return operation + " at " + path + ": " + message.getMessage() + " [" + message.getKey() + "]";
    }
}
