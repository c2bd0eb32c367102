package dev.contactcard.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contactcard.client.model.ErrorDetail;
import dev.contactcard.client.model.ErrorResponse;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place where an HTTP error status becomes a {@link ContactCardServiceException}.
 *
 * <p>It reads the API's error envelope, as the generated {@link ErrorResponse}, when there is one
 * and keeps the raw body either way. A status the client retries (408, 429, 5xx) is wrapped in
 * Feign's {@link RetryableException} so that {@link ContactCardRetryer} decides whether to try
 * again; every other status is thrown as is.
 */
final class ContactCardErrorDecoder implements ErrorDecoder {

    private final ObjectMapper objectMapper;

    ContactCardErrorDecoder(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        String body = readBody(response);
        ErrorDetail error = envelope(body);
        Map<String, List<String>> headers = copyHeaders(response.headers());
        ContactCardServiceException failure = forStatus(
                status,
                error == null ? null : error.getCode(),
                error == null ? null : error.getMessage(),
                headers,
                body);
        if (!isRetryable(status)) {
            return failure;
        }
        return new RetryableException(
                status,
                failure.getMessage(),
                response.request().httpMethod(),
                failure,
                (Long) null,
                response.request());
    }

    /** 408, 429 and every 5xx are retried; no other status is, and never a 409. */
    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static ContactCardServiceException forStatus(
            int status, Integer code, String message, Map<String, List<String>> headers, String body) {
        switch (status) {
            case 400:
                return new BadRequestException(status, code, message, headers, body);
            case 401:
                return new UnauthorizedException(status, code, message, headers, body);
            case 403:
                return new PermissionDeniedException(status, code, message, headers, body);
            case 404:
                return new NotFoundException(status, code, message, headers, body);
            case 409:
                return new ConflictException(status, code, message, headers, body);
            case 422:
                return new UnprocessableEntityException(status, code, message, headers, body);
            case 429:
                return new RateLimitException(status, code, message, headers, body);
            default:
                if (status >= 500 && status <= 599) {
                    return new InternalServerException(status, code, message, headers, body);
                }
                return new UnexpectedStatusCodeException(status, code, message, headers, body);
        }
    }

    /** The envelope's {@code error}, or {@code null} when the body is not the envelope. */
    private ErrorDetail envelope(String body) {
        try {
            ErrorResponse envelope = objectMapper.readValue(body, ErrorResponse.class);
            return envelope == null ? null : envelope.getError();
        } catch (IOException notTheEnvelope) {
            return null;
        }
    }

    private static String readBody(Response response) {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static Map<String, List<String>> copyHeaders(Map<String, Collection<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }
}
