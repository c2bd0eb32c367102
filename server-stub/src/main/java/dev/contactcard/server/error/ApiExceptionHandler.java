package dev.contactcard.server.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.openapitools.jackson.nullable.JsonNullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * The one place where exceptions become the spec's error envelope. Everything raised while a
 * request is dispatched (interceptors, argument binding and validation, the controller, the
 * service, the repository) ends here; {@link EnvelopeErrorController} covers what the servlet
 * container itself rejects.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses errors;

    public ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    public void apiException(ApiException ex, HttpServletResponse response) throws IOException {
        errors.write(response, ex.errorCode(), ex.getMessage());
    }

    /** A request body that fails the spec's constraints (generated bean-validation annotations). */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    public void invalidBody(MethodArgumentNotValidException ex, HttpServletResponse response) throws IOException {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            Map<String, Object> attributes = Map.of();
            if (error.contains(ConstraintViolation.class)) {
                attributes = error.unwrap(ConstraintViolation.class).getConstraintDescriptor().getAttributes();
            }
            violations.add(Violation.of(error.getField(), error.getCode(), error.getRejectedValue(), attributes));
        }
        writeFirst(violations, response);
    }

    /** A query parameter that fails the spec's constraints (Spring MVC's built-in method validation). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    public void invalidParameter(HandlerMethodValidationException ex, HttpServletResponse response) throws IOException {
        List<Violation> violations = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> {
                String[] codes = error.getCodes();
                String constraint = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
                violations.add(Violation.of(name, constraint, result.getArgument(), Map.of()));
            });
        });
        writeFirst(violations, response);
    }

    /** A query parameter that fails the spec's constraints (method validation of the {@code @Validated} interface). */
    @ExceptionHandler(ConstraintViolationException.class)
    public void constraintViolation(ConstraintViolationException ex, HttpServletResponse response) throws IOException {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            String field = path.substring(path.lastIndexOf('.') + 1);
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            violations.add(Violation.of(field, constraint, violation.getInvalidValue(),
                    violation.getConstraintDescriptor().getAttributes()));
        }
        writeFirst(violations, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public void missingParameter(MissingServletRequestParameterException ex, HttpServletResponse response)
            throws IOException {
        errors.write(response, ErrorCode.REQUIRED_FIELD, ex.getParameterName() + " is required");
    }

    /**
     * A query string Tomcat cannot decode (a bad percent escape such as {@code %ZZ}, or bytes that
     * are not UTF-8). Tomcat then refuses every parameter of the request, so the answer names the
     * phone number only when its own value is the undecodable one.
     */
    @ExceptionHandler(InvalidParameterException.class)
    public void undecodableQuery(InvalidParameterException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (QueryStrings.hasUndecodableValue(request.getQueryString(), "phone_number")) {
            errors.write(response, ErrorCode.INVALID_PHONE_NUMBER, ErrorCode.INVALID_PHONE_NUMBER.defaultMessage());
        } else {
            errors.write(response, ErrorCode.MALFORMED_REQUEST,
                    "Malformed query string: it must be percent-encoded UTF-8");
        }
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public void parameterTypeMismatch(MethodArgumentTypeMismatchException ex, HttpServletResponse response)
            throws IOException {
        errors.write(response, ErrorCode.MALFORMED_REQUEST, ex.getName() + " has the wrong type");
    }

    /**
     * Malformed JSON, a wrong JSON type, an explicit null where none is allowed, a body over the
     * limit, or an encoded body.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public void unreadableBody(HttpMessageNotReadableException ex, HttpServletResponse response) throws IOException {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException) {
                errors.write(response, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE.defaultMessage());
                return;
            }
            if (cause instanceof UnsupportedContentEncodingException) {
                errors.write(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Encoding is not supported: send the application/json body uncompressed");
                return;
            }
            if (cause instanceof InvalidNullException invalidNull) {
                String field = String.valueOf(invalidNull.getPropertyName());
                errors.write(response, ErrorCode.REQUIRED_FIELD, field + " must not be null or blank");
                return;
            }
        }
        String message = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                ? "Request body is missing"
                : ErrorCode.MALFORMED_REQUEST.defaultMessage() + " (or a field has the wrong JSON type)";
        errors.write(response, ErrorCode.MALFORMED_REQUEST, message);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public void unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
        errors.write(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE.defaultMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public void methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletResponse response)
            throws IOException {
        if (ex.getSupportedHttpMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW, ex.getSupportedHttpMethods().stream()
                    .map(HttpMethod::name).sorted().collect(Collectors.joining(", ")));
        }
        errors.write(response, ErrorCode.METHOD_NOT_ALLOWED,
                "Method " + ex.getMethod() + " is not allowed on this path");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    public void noSuchResource(Exception ex, HttpServletResponse response) throws IOException {
        errors.write(response, ErrorCode.NO_SUCH_RESOURCE, "No such resource: the path is not part of this API");
    }

    /**
     * The API always answers JSON; an {@code Accept} header that excludes it is not negotiated
     * (the spec defines no 406), see {@code JsonOnlyAcceptFilter}. Anything that still ends here
     * is answered as a bad request in the envelope.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public void notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletResponse response)
            throws IOException {
        errors.write(response, ErrorCode.MALFORMED_REQUEST, "The API only answers application/json");
    }

    /** Anything else is a provider failure: logged here, answered without internals. */
    @ExceptionHandler(Exception.class)
    public void unexpected(Exception ex, HttpServletResponse response) throws IOException {
        log.error("Unexpected failure while handling a request", ex);
        errors.write(response, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
    }

    private void writeFirst(List<Violation> violations, HttpServletResponse response) throws IOException {
        Violation first = violations.stream()
                .min(Comparator.comparingInt((Violation v) -> v.code().code()).thenComparing(Violation::message))
                .orElse(new Violation(ErrorCode.MALFORMED_REQUEST, ErrorCode.MALFORMED_REQUEST.defaultMessage()));
        errors.write(response, first.code(), first.message());
    }

    /**
     * One failed constraint, classified into the spec's codes. When a request breaks several
     * rules, the lowest code is answered (1002 before 1003 before 1004 before 1005).
     */
    record Violation(ErrorCode code, String message) {

        static Violation of(String field, String constraint, Object rejected, Map<String, Object> attributes) {
            String name = jsonName(field);
            String constraintName = constraint == null ? "" : constraint;
            Object unwrapped = rejected instanceof JsonNullable<?> nullable && nullable.isPresent()
                    ? nullable.get() : rejected;
            String value = unwrapped instanceof String s ? s : null;
            if (name.equals("phone_number")) {
                return value == null
                        ? new Violation(ErrorCode.REQUIRED_FIELD, "phone_number is required")
                        : new Violation(ErrorCode.INVALID_PHONE_NUMBER, ErrorCode.INVALID_PHONE_NUMBER.defaultMessage());
            }
            if (name.equals("image_url") && !constraintName.startsWith("Size")) {
                // Optional, so never 1003: an empty or otherwise unusable value is not a URL.
                return new Violation(ErrorCode.INVALID_IMAGE_URL, ErrorCode.INVALID_IMAGE_URL.defaultMessage());
            }
            if (value == null || value.isBlank() || constraintName.startsWith("NotNull")) {
                return new Violation(ErrorCode.REQUIRED_FIELD, name + " is required and must not be blank");
            }
            if (constraintName.startsWith("Size")) {
                Object max = attributes.get("max");
                return new Violation(ErrorCode.FIELD_TOO_LONG,
                        name + " must be at most " + (max == null ? "the documented number of" : max) + " characters");
            }
            // The remaining pattern is first_name's "must contain a non-blank character".
            return new Violation(ErrorCode.REQUIRED_FIELD, name + " is required and must not be blank");
        }

        /** {@code firstName} or {@code lastName.<unwrapped>} to the JSON name {@code first_name}. */
        private static String jsonName(String field) {
            String property = field == null ? "" : field;
            int dot = property.indexOf('.');
            if (dot >= 0) {
                property = property.substring(0, dot);
            }
            int bracket = property.indexOf('[');
            if (bracket >= 0) {
                property = property.substring(0, bracket);
            }
            return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        }
    }
}
