package dev.contactcard.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the reading of a whole response body by the read timeout. The transport's own read
 * timeout is a socket timeout, counted afresh at every byte: without this, a server that sends its
 * headers and then a byte now and then would hold a call for as long as it likes.
 *
 * <p>The body is read into memory (the API's bodies are small) while an alarm armed for the read
 * timeout waits to close the stream; a read the alarm cut short fails as an {@link
 * HttpTimeoutException}, which the client reports, and retries, as a timeout.
 */
final class BodyDeadlineClient implements Client {

    private static final ScheduledThreadPoolExecutor ALARMS = newAlarms();

    private final Client delegate;
    private final ScheduledExecutorService alarms;

    BodyDeadlineClient(Client delegate) {
        this(delegate, ALARMS);
    }

    /** With its own alarm executor, for tests. */
    BodyDeadlineClient(Client delegate, ScheduledExecutorService alarms) {
        this.delegate = delegate;
        this.alarms = alarms;
    }

    /**
     * One daemon thread for the alarms of every client. Almost every alarm is cancelled, the body
     * having arrived in time: removing a cancelled alarm from the queue at once keeps the queue as
     * long as the calls in flight, instead of one entry per call of the last read timeout (30 s by
     * default, so hundreds of thousands of entries under load).
     */
    static ScheduledThreadPoolExecutor newAlarms() {
        ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "contact-card-client-body-deadline");
            thread.setDaemon(true);
            return thread;
        });
        alarms.setRemoveOnCancelPolicy(true);
        return alarms;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Response response = delegate.execute(request, options);
        if (response.body() == null) {
            return response;
        }
        long timeoutMillis = options.readTimeoutMillis();
        Integer length = response.body().length();
        InputStream body = response.body().asInputStream();
        // Set before the stream is closed: the reader can see the close before the alarm task ends.
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = alarms.schedule(
                () -> {
                    fired.set(true);
                    closeQuietly(body);
                },
                timeoutMillis,
                TimeUnit.MILLISECONDS);
        try {
            return response.toBuilder().body(readAll(body, length)).build();
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

    /**
     * The whole body. With a {@code Content-Length}, into an array of that size: {@code
     * readAllBytes()} would allocate 8 KiB for every body, however small.
     */
    static byte[] readAll(InputStream body, Integer length) throws IOException {
        if (length == null || length < 0) {
            return body.readAllBytes();
        }
        byte[] announced = body.readNBytes(length);
        int next = body.read();
        if (next < 0) {
            return announced;
        }
        // More than announced: read it all anyway, and let the decoder judge it.
        ByteArrayOutputStream all = new ByteArrayOutputStream(length + 1024);
        all.write(announced);
        all.write(next);
        body.transferTo(all);
        return all.toByteArray();
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
