package dev.contactcard.server.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After a request refused as a slow or over-eager caller (429 / 2020, 408 / 2021) before its body
 * was read whole: reads
 * the rest of the body only if it arrives at once (within {@value #LINGER_MILLIS} ms, at most
 * {@value #MAX_DRAIN_BYTES} bytes), and otherwise closes the connection instead of draining it.
 *
 * <p>Tomcat would otherwise read ("swallow") the rest of the body on the worker thread to keep the
 * connection alive, and a client sending that body one byte at a time would hold the thread for as
 * long as it likes, whatever the application answered. Closing at once, on the other hand, makes
 * the kernel answer a well-behaved client's already-sent body with a TCP reset, which can destroy
 * the answer before the client reads it (the classic reason for a "lingering close"): so a body
 * that is already there, or arrives at once, is read first. For 408 the connection is then kept;
 * a 429 always closes it, since {@code auth.ApiKeyFilter} answers it with {@code Connection: close}
 * (the drain then only protects the answer from the reset).
 *
 * <p>The answers are written with their exact {@code Content-Length} and so are committed before
 * this valve runs: closing here ends the connection after the answer without adding a
 * {@code Connection: close} header to it.
 */
class UnreadBodyValve extends ValveBase {

    static final long LINGER_MILLIS = 100;
    static final int MAX_DRAIN_BYTES = RequestBodyLimitFilter.MAX_BODY_BYTES + 1;

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (refusedAsASlowCaller(response) && !request.getCoyoteRequest().isFinished() && !drainedAtOnce(request)) {
                // Tomcat closes the connection once the answer is sent instead of draining the body.
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }

    /**
     * Only the answers that refuse a slow or over-eager caller (429 / 2020, 408 / 2021) close the
     * connection; for any other early answer (401, 403, …) Tomcat drains the body as usual, since
     * closing there broke well-behaved clients that reuse connections. A known limit: a caller
     * without a valid key can still trickle a body after its 401 and hold a thread meanwhile.
     */
    private static boolean refusedAsASlowCaller(Response response) {
        return response.getStatus() == 429 || response.getStatus() == 408;
    }

    /** Reads what arrives of the body within the linger time, without blocking; whether that was all of it. */
    private static boolean drainedAtOnce(Request request) {
        ServletInputStream in;
        try {
            in = request.getInputStream();
        } catch (IOException | IllegalStateException readerInUseOrBroken) {
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        byte[] buffer = new byte[4096];
        long drained = 0;
        try {
            while (!request.getCoyoteRequest().isFinished()) {
                // A non-blocking read of what the socket holds (AVAILABLE with doRead = true).
                request.getCoyoteRequest().action(ActionCode.AVAILABLE, Boolean.TRUE);
                int available = request.getCoyoteRequest().getAvailable();
                if (available > 0) {
                    int n = in.read(buffer, 0, Math.min(buffer.length, available));
                    if (n < 0) {
                        return true;
                    }
                    drained += n;
                    if (drained > MAX_DRAIN_BYTES) {
                        return false;
                    }
                } else if (System.nanoTime() - deadline > 0) {
                    return false;
                } else {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                }
            }
            return true;
        } catch (IOException | RuntimeException broken) {
            return false;
        }
    }
}
