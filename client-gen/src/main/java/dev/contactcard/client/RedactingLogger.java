package dev.contactcard.client;

import feign.Request;
import feign.slf4j.Slf4jLogger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feign's SLF4J logger, with the {@code Authorization} header redacted. It logs requests and
 * responses (line, headers, body) at DEBUG to the logger {@code dev.contactcard.client.ContactCardClient};
 * nothing is logged, or buffered for logging, while DEBUG is off.
 */
final class RedactingLogger extends Slf4jLogger {

    static final String REDACTED = "<redacted>";

    RedactingLogger() {
        super(ContactCardClient.class);
    }

    @Override
    protected void logRequest(String configKey, Level logLevel, Request request) {
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
}
