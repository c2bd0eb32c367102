package dev.contactcard.server.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

/**
 * Where exceptions become the spec's error envelope. Everything raised while a request is
 * dispatched (interceptors, argument binding, the controller, the service, the repository) ends
 * here, except a broken validation rule, which {@code validation.ViolationHandler} classifies into
 * codes 1001 to 1005 first; {@link EnvelopeErrorController} and {@link EnvelopeErrorReportValve}
 * cover what the servlet container itself rejects.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses errors;

    ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    void apiException(ApiException ex, HttpServletResponse response) throws IOException {
        errors.write(response, ex.errorCode(), ex.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException ex, HttpServletResponse response) throws IOException {
        errors.write(response, ErrorCode.REQUIRED_FIELD, ex.getParameterName() + " is required");
    }

    /**
     * A query string Tomcat cannot decode (a bad percent escape such as {@code %ZZ}, or bytes that
     * are not UTF-8): the request is malformed (1001, as the spec's code table says), whichever
     * parameter holds the bad escape. 1002 is for a phone number that was read and is not E.164.
     */
    @ExceptionHandler(InvalidParameterException.class)
    void undecodableQuery(InvalidParameterException ex, HttpServletResponse response) throws IOException {
        errors.write(response, ErrorCode.MALFORMED_REQUEST, "Malformed query string: it must be percent-encoded UTF-8");
    }

    /**
     * Malformed JSON, a wrong JSON type, an explicit null where none is allowed, a body over the
     * limit, or an encoded body.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadableBody(HttpMessageNotReadableException ex, HttpServletResponse response) throws IOException {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refused) {
                // Raised while the body was read (web.RequestBodyLimitFilter: too large, encoded).
                apiException(refused, response);
                return;
            }
            if (cause instanceof InvalidNullException invalidNull) {
                String field = String.valueOf(invalidNull.getPropertyName());
                errors.write(response, ErrorCode.REQUIRED_FIELD, field + " must not be null");
                return;
            }
        }
        String message = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                ? "Request body is missing"
                : ErrorCode.MALFORMED_REQUEST.defaultMessage() + " (or a field has the wrong JSON type)";
        errors.write(response, ErrorCode.MALFORMED_REQUEST, message);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
        errors.write(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE.defaultMessage());
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
        errors.write(
                response, ErrorCode.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " is not allowed on this path");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    void noSuchResource(Exception ex, HttpServletResponse response) throws IOException {
        errors.write(response, ErrorCode.NO_SUCH_RESOURCE, "No such resource: the path is not part of this API");
    }

    /**
     * The API always answers JSON; an {@code Accept} header that excludes it is not negotiated
     * (the spec defines no 406): {@code web.WebConfiguration} does not negotiate it. Anything that still ends here
     * is answered as a bad request in the envelope.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletResponse response) throws IOException {
        errors.write(response, ErrorCode.MALFORMED_REQUEST, "The API only answers application/json");
    }

    /** Anything else is a provider failure: logged here, answered without internals. */
    @ExceptionHandler(Exception.class)
    void unexpected(Exception ex, HttpServletResponse response) throws IOException {
        log.error("Unexpected failure while handling a request", ex);
        errors.write(response, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
    }
}
