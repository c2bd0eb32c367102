package dev.contactcard.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contactcard.server.error.ErrorCode;
import dev.contactcard.server.error.RequestBodyRejectedException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A request body must arrive within {@code contactcard.limits.body-timeout}: a fake clock stands in
 * for the seconds a slow client takes.
 */
class BodyTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AtomicLong now = new AtomicLong();
    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(TIMEOUT, now::get);

    @Test
    void aBodyTricklingInPastTheTimeoutIsRefusedWith408And2021() throws Exception {
        ServletInputStream body = bodySeenByTheApplication(trickling(Duration.ofSeconds(1)));

        for (int i = 0; i < 10; i++) {
            assertThat(body.read()).isEqualTo('{');
        }
        assertThatThrownBy(body::read)
                .isInstanceOfSatisfying(
                        RequestBodyRejectedException.class,
                        ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.BODY_TIMEOUT));
    }

    @Test
    void aBodyThatArrivesWithinTheTimeoutIsReadWhole() throws Exception {
        ServletInputStream body = bodySeenByTheApplication(trickling(Duration.ofMillis(900)));

        byte[] buffer = new byte[11];
        for (int i = 0; i < 11; i++) {
            assertThat(body.read(buffer, i, 1)).isEqualTo(1);
        }
        assertThat(new String(buffer)).isEqualTo("{{{{{{{{{{{");
    }

    @Test
    void aReadThatWaitsLongerThanTomcatsReadTimeoutIsRefusedWith408And2021() throws Exception {
        ServletInputStream body = bodySeenByTheApplication(new DelegatingServletInputStream(new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new SocketTimeoutException("Read timed out");
            }
        }));

        assertThatThrownBy(body::read)
                .isInstanceOfSatisfying(
                        RequestBodyRejectedException.class,
                        ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.BODY_TIMEOUT));
    }

    /** A body of '{' bytes, one per read, each taking the given time on the fake clock. */
    private ServletInputStream trickling(Duration perByte) {
        return new DelegatingServletInputStream(new java.io.InputStream() {
            @Override
            public int read() {
                now.addAndGet(perByte.toNanos());
                return '{';
            }
        });
    }

    private ServletInputStream bodySeenByTheApplication(ServletInputStream arriving) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/partner/v3/contact_card") {
            @Override
            public ServletInputStream getInputStream() {
                return arriving;
            }
        };
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return ((HttpServletRequest) chain.getRequest()).getInputStream();
    }
}
