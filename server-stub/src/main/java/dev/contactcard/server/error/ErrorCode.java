package dev.contactcard.server.error;

import org.springframework.http.HttpStatus;

/**
 * Every error the provider answers: the HTTP status and the stable code of the spec's error-code
 * table (see {@code info.description} of the spec), with a default human-readable message.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, 1001, "Malformed JSON request body"),
    INVALID_PHONE_NUMBER(HttpStatus.BAD_REQUEST, 1002, "Phone number must be in E.164 format"),
    REQUIRED_FIELD(HttpStatus.BAD_REQUEST, 1003, "A required field is missing, null or blank"),
    FIELD_TOO_LONG(HttpStatus.BAD_REQUEST, 1004, "A field is longer than its maximum length"),
    INVALID_IMAGE_URL(HttpStatus.BAD_REQUEST, 1005, "image_url must be an absolute http or https URL"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, 2004, "Unauthorized - missing or invalid authentication token"),
    FORBIDDEN(HttpStatus.FORBIDDEN, 2005, "Access denied - insufficient permissions for this resource"),
    NO_ACTIVE_CARD(HttpStatus.NOT_FOUND, 2013, "No active contact card exists for this phone number"),
    ACTIVE_CARD_EXISTS(
            HttpStatus.CONFLICT,
            2014,
            "An active contact card already exists for this phone number; use PATCH to update it"),
    NO_SUCH_RESOURCE(HttpStatus.NOT_FOUND, 2016, "No such resource"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, 2017, "The HTTP method is not allowed on this path"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, 2018, "Request body must not exceed 16384 bytes"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 2019, "Content-Type must be application/json"),
    TOO_MANY_REQUESTS_IN_FLIGHT(
            HttpStatus.TOO_MANY_REQUESTS,
            2020,
            "Too many requests of this API key are in flight; retry after the seconds in Retry-After"),
    BODY_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, 2021, "The request body did not arrive in time"),
    IDEMPOTENCY_KEY_REUSED(
            HttpStatus.UNPROCESSABLE_CONTENT,
            2022,
            "This Idempotency-Key was already used for a create with a different body"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, 3006, "Internal server error");

    private final HttpStatus status;
    private final int code;
    private final String defaultMessage;

    ErrorCode(HttpStatus status, int code, String defaultMessage) {
        this.status = status;
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    public HttpStatus status() {
        return status;
    }

    public int code() {
        return code;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /**
     * The error for an HTTP status raised outside the API's own handling (the servlet container or
     * Spring MVC before a handler was found). Statuses without a code of their own fall back to
     * 400/1001 (client side) or 500/3006 (server side). Tomcat's 501 (an unknown
     * {@code Transfer-Encoding} or method such as {@code CONNECT}) and 505 (an unknown HTTP version)
     * reject a malformed request, not a provider failure: 400/1001.
     */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 501, 505 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NO_SUCH_RESOURCE;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 408 -> BODY_TIMEOUT;
            case 429 -> TOO_MANY_REQUESTS_IN_FLIGHT;
            default -> status >= 400 && status < 500 ? MALFORMED_REQUEST : INTERNAL_ERROR;
        };
    }
}
