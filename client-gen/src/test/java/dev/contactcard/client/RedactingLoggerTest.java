package dev.contactcard.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With DEBUG off the logger costs nothing per call: it neither reads a request's headers nor
 * rebuilds a response. The DEBUG-on cases show that both are observable here.
 */
class RedactingLoggerTest {

    private final Logger slf4j = (Logger) LoggerFactory.getLogger(RedactingLoggerTest.class.getName() + ".client");
    private final RedactingLogger logger = new RedactingLogger(slf4j);

    {
        slf4j.setAdditive(false); // nothing on the console
    }

    /** Headers that remember whether anyone read them. */
    private static final class WatchedHeaders extends TreeMap<String, Collection<String>> {
        boolean read;

        WatchedHeaders() {
            super(String.CASE_INSENSITIVE_ORDER);
            super.put("Authorization", List.of("Bearer secret"));
        }

        @Override
        public Set<Map.Entry<String, Collection<String>>> entrySet() {
            read = true;
            return super.entrySet();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Collection<String>> action) {
            read = true;
            super.forEach(action);
        }
    }

    private static Request request(Map<String, Collection<String>> headers) {
        return Request.create(
                Request.HttpMethod.POST,
                "http://127.0.0.1/api/partner/v3/contact_card",
                headers,
                "{\"first_name\":\"John\"}".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8,
                null);
    }

    private static Response response() {
        return Response.builder()
                .status(200)
                .request(request(Map.of()))
                .headers(Map.of())
                .body("{\"phone_number\":\"+15551234567\"}", StandardCharsets.UTF_8)
                .build();
    }

    @Test
    void withDebugOffARequestIsLoggedWithoutReadingItsHeaders() {
        slf4j.setLevel(Level.INFO);
        WatchedHeaders headers = new WatchedHeaders();

        logger.logRequest(
                "ContactCardApi#createContactCard(CreateContactCardRequest)",
                feign.Logger.Level.FULL,
                request(headers));

        assertThat(headers.read).isFalse();
    }

    @Test
    void withDebugOffTheResponseIsPassedOnAsItIsNotRebuffered() throws IOException {
        slf4j.setLevel(Level.INFO);
        Response response = response();

        assertThat(logger.logAndRebufferResponse(
                        "ContactCardApi#getContactCards(String)", feign.Logger.Level.FULL, response, 3))
                .isSameAs(response);
    }

    @Test
    void withDebugOffAnIOExceptionIsPassedOnWithoutFormattingItsStackTrace() {
        slf4j.setLevel(Level.INFO);
        boolean[] formatted = {false};
        IOException failure = new IOException("reset") {
            @Override
            public void printStackTrace(PrintWriter writer) {
                formatted[0] = true;
                super.printStackTrace(writer);
            }
        };

        assertThat(logger.logIOException("ContactCardApi#getContactCards(String)", feign.Logger.Level.FULL, failure, 3))
                .isSameAs(failure);
        assertThat(formatted[0]).isFalse();
    }

    @Test
    void withDebugOnTheHeadersAreReadAndTheBodyRebuffered() throws IOException {
        slf4j.setLevel(Level.DEBUG);
        WatchedHeaders headers = new WatchedHeaders();
        Response response = response();

        logger.logRequest(
                "ContactCardApi#createContactCard(CreateContactCardRequest)",
                feign.Logger.Level.FULL,
                request(headers));

        assertThat(headers.read).isTrue();
        assertThat(logger.logAndRebufferResponse(
                        "ContactCardApi#getContactCards(String)", feign.Logger.Level.FULL, response, 3))
                .isNotSameAs(response);
    }
}
