package dev.contactcard.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the reading of a response body by the read timeout, which the JDK's HTTP client applies
 * only until the response headers arrive: without this, a server that sends its headers and then
 * stalls would hold a call for as long as the connection lives.
 *
 * <p>The body is read into memory (the API's bodies are small) while an alarm armed for the read
 * timeout waits to close the stream; a read the alarm cut short fails as an {@link
 * HttpTimeoutException}, which the client reports, and retries, as a timeout.
 */
final class BodyDeadlineClient implements Client {

    private static final ScheduledExecutorService ALARMS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "contact-card-client-body-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final Client delegate;

    BodyDeadlineClient(Client delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Response response = delegate.execute(request, options);
        if (response.body() == null) {
            return response;
        }
        long timeoutMillis = options.readTimeoutMillis();
        InputStream body = response.body().asInputStream();
        // Set before the stream is closed: the reader can see the close before the alarm task ends.
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = ALARMS.schedule(
                () -> {
                    fired.set(true);
                    closeQuietly(body);
                },
                timeoutMillis,
                TimeUnit.MILLISECONDS);
        try {
            return response.toBuilder().body(body.readAllBytes()).build();
        } catch (IOException e) {
            // The transport's own socket timeout (the same read timeout, counted from the last byte)
            // can end the read a moment before the alarm: the same timeout, reported the same way.
            if (fired.get() || e instanceof SocketTimeoutException) {
                HttpTimeoutException timeout = timedOut(timeoutMillis);
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            alarm.cancel(false);
            closeQuietly(body);
        }
    }

    private static HttpTimeoutException timedOut(long timeoutMillis) {
        return new HttpTimeoutException(
                "response body not received within the read timeout of " + timeoutMillis + " ms");
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // Closing is how the alarm interrupts a read; a failure to close changes nothing.
        }
    }
}
