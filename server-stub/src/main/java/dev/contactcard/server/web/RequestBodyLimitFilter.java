package dev.contactcard.server.web;

import dev.contactcard.server.error.ErrorCode;
import dev.contactcard.server.error.RequestBodyRejectedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits request bodies to {@value #MAX_BODY_BYTES} bytes (the spec's 413 / 2018) and refuses
 * encoded (compressed) bodies (415 / 2019): the API reads plain JSON only, and would otherwise
 * read a gzip body as malformed JSON and a body merely labelled gzip as plain. The filter only
 * wraps the request: the body stream fails with a {@code RequestBodyRejectedException} once the declared
 * or the actually read length exceeds the limit, or when a {@code Content-Encoding} other than
 * {@code identity} is declared, so the failure surfaces while Spring MVC reads the body (after
 * authentication, routing and the permission check) and is answered like every other error, by
 * the error boundary, with the code it carries.
 *
 * <p>The body must also arrive within {@code contactcard.limits.body-timeout} of the filter seeing
 * the request (408 / 2021): a read that returns after the deadline fails, and a read that waits
 * for a byte that never comes fails after Tomcat's {@code server.tomcat.connection-timeout} (set
 * to the same value). So a body trickling in holds a worker thread at most about twice the limit.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** 16 KiB, as the spec's error-code table says. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final long bodyTimeoutNanos;
    private final LongSupplier nanoClock;

    /**
     * @param bodyTimeout how long a body may take to arrive
     * @param nanoClock   {@link System#nanoTime} (a fake one in tests)
     */
    RequestBodyLimitFilter(Duration bodyTimeout, LongSupplier nanoClock) {
        this.bodyTimeoutNanos = bodyTimeout.toNanos();
        this.nanoClock = nanoClock;
    }

    private static RequestBodyRejectedException tooLarge() {
        return new RequestBodyRejectedException(
                ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE.defaultMessage());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedRequest(request, nanoClock.getAsLong() + bodyTimeoutNanos), response);
    }

    private final class LimitedRequest extends HttpServletRequestWrapper {

        private final long deadline;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long deadline) {
            super(request);
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            String encoding = getHeader(HttpHeaders.CONTENT_ENCODING);
            if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
                throw new RequestBodyRejectedException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Encoding is not supported: send the application/json body uncompressed");
            }
            if (getContentLengthLong() > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), deadline);
            }
            return stream;
        }
    }

    /** The body stream of one request: counts what was read and checks the deadline. */
    final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long deadline;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long deadline) {
            this.delegate = delegate;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            checkDeadline();
            int b;
            try {
                b = delegate.read();
            } catch (SocketTimeoutException ex) {
                throw timedOut();
            }
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkDeadline();
            int n;
            try {
                n = delegate.read(buffer, offset, length);
            } catch (SocketTimeoutException ex) {
                throw timedOut();
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void checkDeadline() throws RequestBodyRejectedException {
            if (nanoClock.getAsLong() - deadline > 0) {
                throw timedOut();
            }
        }

        private RequestBodyRejectedException timedOut() {
            return new RequestBodyRejectedException(
                    ErrorCode.BODY_TIMEOUT,
                    "The request body did not arrive within "
                            + Duration.ofNanos(bodyTimeoutNanos).toMillis() + " ms");
        }

        private void count(int n) throws IOException {
            checkDeadline();
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw tooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
