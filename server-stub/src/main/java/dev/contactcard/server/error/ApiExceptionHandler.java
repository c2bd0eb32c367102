package dev.contactcard.server.error;

import dev.contactcard.server.validation.AbsoluteHttpUrl;
import dev.contactcard.server.validation.WellFormedUnicode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
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

    /**
     * A request body that fails the spec's constraints: the generated bean-validation annotations
     * and the constraints {@code ValidationConfiguration} adds to the generated models.
     */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    public void invalidBody(MethodArgumentNotValidException ex, HttpServletResponse response) throws IOException {
        writeFirst(
                ex.getBindingResult().getFieldErrors().stream()
                        .filter(error -> error.contains(ConstraintViolation.class))
                        .<ConstraintViolation<?>>map(error -> error.unwrap(ConstraintViolation.class)),
                response);
    }

    /**
     * A query parameter that fails the spec's constraints. The generated interface is
     * {@code @Validated}, so its parameters are checked by Spring's method-validation proxy (which
     * raises this), not by Spring MVC's built-in method validation.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    public void invalidParameter(ConstraintViolationException ex, HttpServletResponse response) throws IOException {
        writeFirst(ex.getConstraintViolations().stream(), response);
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
    public void undecodableQuery(InvalidParameterException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (QueryStrings.hasUndecodableValue(request.getQueryString(), "phone_number")) {
            errors.write(response, ErrorCode.INVALID_PHONE_NUMBER, ErrorCode.INVALID_PHONE_NUMBER.defaultMessage());
        } else {
            errors.write(
                    response, ErrorCode.MALFORMED_REQUEST, "Malformed query string: it must be percent-encoded UTF-8");
        }
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
                errors.write(
                        response,
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
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
    public void noSuchResource(Exception ex, HttpServletResponse response) throws IOException {
        errors.write(response, ErrorCode.NO_SUCH_RESOURCE, "No such resource: the path is not part of this API");
    }

    /**
     * The API always answers JSON; an {@code Accept} header that excludes it is not negotiated
     * (the spec defines no 406), see {@code JsonOnlyAcceptFilter}. Anything that still ends here
     * is answered as a bad request in the envelope.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public void notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletResponse response) throws IOException {
        errors.write(response, ErrorCode.MALFORMED_REQUEST, "The API only answers application/json");
    }

    /** Anything else is a provider failure: logged here, answered without internals. */
    @ExceptionHandler(Exception.class)
    public void unexpected(Exception ex, HttpServletResponse response) throws IOException {
        log.error("Unexpected failure while handling a request", ex);
        errors.write(response, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
    }

    /**
     * When a request breaks several rules, the lowest code is answered (1001 before 1002 before 1003
     * before 1004 before 1005): every rule of the body is checked in this one validation pass.
     */
    private void writeFirst(Stream<? extends ConstraintViolation<?>> violations, HttpServletResponse response)
            throws IOException {
        Violation first = violations
                .map(Violation::of)
                .min(Comparator.comparingInt((Violation v) -> v.code().code()).thenComparing(Violation::message))
                .orElse(new Violation(ErrorCode.MALFORMED_REQUEST, ErrorCode.MALFORMED_REQUEST.defaultMessage()));
        errors.write(response, first.code(), first.message());
    }

    /**
     * One failed constraint of the generated models or interface, or of the constraints
     * {@code ValidationConfiguration} adds to the generated models, classified into the spec's codes
     * by its annotation type.
     */
    record Violation(ErrorCode code, String message) {

        /**
         * What a failed {@code pattern} of the spec means, by field: each field's pattern carries a
         * different rule of the error-code table ({@code first_name}'s {@code ^.*\S.*$} is "not blank").
         */
        private static final Map<String, ErrorCode> PATTERN_CODES = Map.of(
                "phone_number", ErrorCode.INVALID_PHONE_NUMBER,
                "first_name", ErrorCode.REQUIRED_FIELD,
                "image_url", ErrorCode.INVALID_IMAGE_URL);

        static Violation of(ConstraintViolation<?> violation) {
            String name = jsonName(violation.getPropertyPath());
            Class<? extends Annotation> constraint =
                    violation.getConstraintDescriptor().getAnnotation().annotationType();
            if (constraint == Size.class && !"".equals(violation.getInvalidValue())) {
                // An empty string fails minLength: 1, which the table calls blank (1003); anything else is too long.
                Object max = violation.getConstraintDescriptor().getAttributes().get("max");
                return new Violation(ErrorCode.FIELD_TOO_LONG, name + " must be at most " + max + " characters");
            }
            if (constraint == WellFormedUnicode.class) {
                return new Violation(
                        ErrorCode.MALFORMED_REQUEST,
                        name + " is not valid Unicode text (it holds an unpaired surrogate)");
            }
            ErrorCode code;
            if (constraint == Pattern.class) {
                code = PATTERN_CODES.getOrDefault(name, ErrorCode.MALFORMED_REQUEST);
            } else if (constraint == AbsoluteHttpUrl.class) {
                code = ErrorCode.INVALID_IMAGE_URL;
            } else {
                // @NotNull, @NotBlankInAnyScript, and @Size failed by an empty string.
                code = ErrorCode.REQUIRED_FIELD;
            }
            return new Violation(
                    code,
                    code == ErrorCode.REQUIRED_FIELD
                            ? name + " is required and must not be blank"
                            : code.defaultMessage());
        }

        /** The JSON name of the property or parameter: {@code firstName} becomes {@code first_name}. */
        private static String jsonName(Path path) {
            for (Path.Node node : path) {
                if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                    return node.getName()
                            .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                            .toLowerCase(Locale.ROOT);
                }
            }
            return "";
        }
    }
}
