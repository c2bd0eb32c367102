package dev.contactcard.server.error;

import dev.contactcard.server.generated.model.ErrorDetail;
import dev.contactcard.server.generated.model.ErrorResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where failures become the spec's error envelope. Each failure is a typed
 * exception: the provider's own ({@link ApiException}, {@link RequestBodyRejectedException}),
 * Spring MVC's for a request it cannot route or read, or one a {@link FailureTranslator} reads
 * (the {@code validation} package's broken rules, codes 1001 to 1005). Every one of them reaches
 * this class:
 *
 * <ul>
 *   <li>raised while Spring MVC dispatches (interceptors, argument binding, the controller, the
 *       service, storage): as a {@code @RestControllerAdvice};
 *   <li>raised by a filter (the API key's 401 and 429, the actuator's bodiless errors): through
 *       {@link ErrorBoundaryFilter}, which hands it to Spring MVC's exception resolvers, and so
 *       here;
 *   <li>an error the servlet container dispatches to {@code /error} (a body that broke off
 *       mid-read): {@link EnvelopeErrorController} raises it as an {@link ApiException}.
 * </ul>
 *
 * <p>What Tomcat rejects before the application sees the request (an unparseable request line)
 * has no application to reach: {@link EnvelopeErrorReportValve} is the container-level fallback and
 * writes the same envelope ({@link #envelope}).
 */
@RestControllerAdvice
class ErrorBoundary {

    private static final Logger log = LoggerFactory.getLogger(ErrorBoundary.class);

    private final JsonMapper jsonMapper;
    private final List<FailureTranslator> translators;

    ErrorBoundary(JsonMapper jsonMapper, List<FailureTranslator> translators) {
        this.jsonMapper = jsonMapper;
        this.translators = List.copyOf(translators);
    }

    /** The envelope for a code, with the given human-readable message. */
    static ErrorResponse envelope(ErrorCode code, String message) {
        return new ErrorResponse(new ErrorDetail(code.status().value(), code.code(), message), false);
    }

    @ExceptionHandler(ApiException.class)
    void apiException(ApiException ex, HttpServletResponse response) throws IOException {
        ex.headers().forEach(response::setHeader);
        write(response, ex.errorCode(), ex.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException ex, HttpServletResponse response) throws IOException {
        write(response, ErrorCode.REQUIRED_FIELD, ex.getParameterName() + " is required");
    }

    /**
     * A query string Tomcat cannot decode (a bad percent escape such as {@code %ZZ}, or bytes that
     * are not UTF-8): the request is malformed (1001, as the spec's code table says), whichever
     * parameter holds the bad escape. 1002 is for a phone number that was read and is not E.164.
     */
    @ExceptionHandler(InvalidParameterException.class)
    void undecodableQuery(InvalidParameterException ex, HttpServletResponse response) throws IOException {
        write(response, ErrorCode.MALFORMED_REQUEST, "Malformed query string: it must be percent-encoded UTF-8");
    }

    /**
     * The body could not be read: refused by the body stream (too large, encoded, too slow), or
     * malformed JSON, a wrong JSON type, an explicit null where none is allowed.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadableBody(HttpMessageNotReadableException ex, HttpServletResponse response) throws IOException {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyRejectedException rejected) {
                write(response, rejected.errorCode(), rejected.getMessage());
                return;
            }
            if (cause instanceof InvalidNullException invalidNull) {
                String field = String.valueOf(invalidNull.getPropertyName());
                write(response, ErrorCode.REQUIRED_FIELD, field + " must not be null");
                return;
            }
        }
        String message = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                ? "Request body is missing"
                : ErrorCode.MALFORMED_REQUEST.defaultMessage() + " (or a field has the wrong JSON type)";
        write(response, ErrorCode.MALFORMED_REQUEST, message);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
        write(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE.defaultMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletResponse response) throws IOException {
        if (ex.getSupportedHttpMethods() != null) {
            response.setHeader(
                    HttpHeaders.ALLOW,
                    ex.getSupportedHttpMethods().stream()
                            .map(HttpMethod::name)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        write(response, ErrorCode.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " is not allowed on this path");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    void noSuchResource(Exception ex, HttpServletResponse response) throws IOException {
        write(response, ErrorCode.NO_SUCH_RESOURCE, "No such resource: the path is not part of this API");
    }

    /**
     * The API always answers JSON; an {@code Accept} header that excludes it is not negotiated
     * (the spec defines no 406): {@code web.WebConfiguration} does not negotiate it. Anything that
     * still ends here is answered as a bad request in the envelope.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletResponse response) throws IOException {
        write(response, ErrorCode.MALFORMED_REQUEST, "The API only answers application/json");
    }

    /**
     * What a {@link FailureTranslator} reads (a broken validation rule); anything else is a provider
     * failure: logged here, answered without internals.
     */
    @ExceptionHandler(Exception.class)
    void other(Exception ex, HttpServletResponse response) throws IOException {
        Optional<ApiException> translated = translators.stream()
                .map(translator -> translator.translate(ex))
                .flatMap(Optional::stream)
                .findFirst();
        if (translated.isPresent()) {
            apiException(translated.get(), response);
            return;
        }
        log.error("Unexpected failure while handling a request", ex);
        write(response, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
    }

    /**
     * Writes the envelope straight to the servlet response as JSON, without content negotiation
     * (an error is answered in the envelope whatever the request's {@code Accept} says), replacing
     * anything buffered but not yet committed. Not flushed: the container sends it, with its
     * length, when the request ends.
     */
    private void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = jsonMapper.writeValueAsBytes(envelope(code, message));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
