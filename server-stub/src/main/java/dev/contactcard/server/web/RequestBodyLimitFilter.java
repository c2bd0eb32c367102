package dev.contactcard.server.web;

import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits request bodies to {@value #MAX_BODY_BYTES} bytes (the spec's 413 / 2018) and refuses
 * encoded (compressed) bodies (415 / 2019): the API reads plain JSON only, and would otherwise
 * read a gzip body as malformed JSON and a body merely labelled gzip as plain. The filter only
 * wraps the request: the body stream fails with a {@link RejectedBodyException} once the declared
 * or the actually read length exceeds the limit, or when a {@code Content-Encoding} other than
 * {@code identity} is declared, so the failure surfaces while Spring MVC reads the body (after
 * authentication, routing and the permission check) and is answered like every other error, by
 * the {@code ApiException} it carries.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** 16 KiB, as the spec's error-code table says. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedRequest(request), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            String encoding = getHeader(HttpHeaders.CONTENT_ENCODING);
            if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
                throw RejectedBodyException.of(new ApiException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Encoding is not supported: send the application/json body uncompressed"));
            }
            if (getContentLengthLong() > MAX_BODY_BYTES) {
                throw RejectedBodyException.of(new ApiException(ErrorCode.PAYLOAD_TOO_LARGE));
            }
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private long read;

        LimitedInputStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RejectedBodyException {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw RejectedBodyException.of(new ApiException(ErrorCode.PAYLOAD_TOO_LARGE));
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
