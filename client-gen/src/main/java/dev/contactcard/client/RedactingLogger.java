package dev.contactcard.client;

import feign.Request;
import feign.Response;
import feign.slf4j.Slf4jLogger;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * Feign's SLF4J logger, with the {@code Authorization} header redacted. It logs requests and
 * responses (line, headers, body) at DEBUG to the logger {@code dev.contactcard.client.ContactCardClient};
 * nothing is logged, or buffered for logging, while DEBUG is off: every hook checks the level
 * first, so a call with DEBUG off copies no header, rebuilds no response and formats no stack
 * trace (Feign's own {@code Slf4jLogger} re-buffers every response body whatever the level).
 */
final class RedactingLogger extends Slf4jLogger {

    static final String REDACTED = "<redacted>";

    private final org.slf4j.Logger logger;

    RedactingLogger() {
        this(LoggerFactory.getLogger(ContactCardClient.class));
    }

    RedactingLogger(org.slf4j.Logger logger) {
        super(logger);
        this.logger = logger;
    }

    @Override
    protected void logRequest(String configKey, Level logLevel, Request request) {
        if (!logger.isDebugEnabled()) {
            return;
        }
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        if (headers.containsKey("Authorization")) {
            headers.put("Authorization", List.of(REDACTED));
        }
        Request redacted = Request.create(
                request.httpMethod(),
                request.url(),
                headers,
                request.body(),
                request.charset(),
                request.requestTemplate());
        super.logRequest(configKey, logLevel, redacted);
    }

    @Override
    protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response, long elapsedTime)
            throws IOException {
        if (!logger.isDebugEnabled()) {
            return response;
        }
        return super.logAndRebufferResponse(configKey, logLevel, response, elapsedTime);
    }

    @Override
    protected IOException logIOException(String configKey, Level logLevel, IOException ioe, long elapsedTime) {
        if (!logger.isDebugEnabled()) {
            return ioe;
        }
        return super.logIOException(configKey, logLevel, ioe, elapsedTime);
    }
}
