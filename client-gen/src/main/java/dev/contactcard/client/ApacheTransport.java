package dev.contactcard.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The client's transport: Feign over Apache HttpClient 5 (classic), configured so that one
 * {@link #execute} is exactly one HTTP request.
 *
 * <p>Its automatic retries and redirects are switched off: every retry is the decision of {@link
 * ContactCardRetryer}, which counts it. (The JDK's {@code HttpClient}, used before, silently sends
 * a GET again after a connection that broke before the answer, and repeats any request once after
 * a refused connection; both can only be switched off for the whole JVM, so a call with {@code
 * maxRetries(2)} reached the server up to 6 times.)
 *
 * <p>Timeouts are reported as the JDK's {@link HttpConnectTimeoutException} and {@link
 * HttpTimeoutException}, which {@link TransportFailures} turns into a {@link
 * ContactCardTimeoutException}. A pooled connection idle for more than a second is checked before
 * it is reused, so a connection the server closed meanwhile is not mistaken for a failed request.
 * Plain HTTP/1.1 over http and https; TLS follows the {@code javax.net.ssl.*} system properties.
 */
final class ApacheTransport implements Client, AutoCloseable {

    private final CloseableHttpClient httpClient;
    private final PoolingHttpClientConnectionManager connections;

    ApacheTransport(Duration connectTimeout, Duration readTimeout, Runnable onConnect) {
        DnsResolver dns = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                onConnect.run();
                return SystemDefaultDnsResolver.INSTANCE.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .useSystemProperties()
                .setDnsResolver(dns)
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(32)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.httpClient = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableDefaultUserAgent()
                .build();
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpUriRequestBase outgoing =
                new HttpUriRequestBase(request.httpMethod().name(), URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            // The transport writes the framing headers itself, from the entity.
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                    && !name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING)
                    && !name.equalsIgnoreCase(HttpHeaders.HOST)) {
                values.forEach(value -> outgoing.addHeader(name, value));
            }
        });
        if (request.body() != null) {
            outgoing.setEntity(new ByteArrayEntity(request.body(), null));
        }
        ClassicHttpResponse response;
        try {
            response = httpClient.executeOpen(null, outgoing, null);
        } catch (ConnectTimeoutException e) {
            throw withCause(new HttpConnectTimeoutException("connect timed out: " + e.getMessage()), e);
        } catch (SocketTimeoutException e) {
            throw withCause(new HttpTimeoutException("request timed out: " + e.getMessage()), e);
        } catch (CancellationException | RequestFailedException e) {
            // How the connection pool reports a lease or a request cut short by an interrupt.
            throw withCause(new InterruptedIOException("request interrupted"), e);
        }
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        Response.Builder answer = Response.builder()
                .status(response.getCode())
                .reason(response.getReasonPhrase())
                .headers(headers)
                .request(request);
        if (entity == null) {
            response.close();
            return answer.body((byte[]) null).build();
        }
        long length = entity.getContentLength();
        InputStream body = new FilterInputStream(entity.getContent()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
        return answer.body(body, length < 0 || length > Integer.MAX_VALUE ? null : (int) length)
                .build();
    }

    private static <T extends IOException> T withCause(T exception, Throwable cause) {
        exception.initCause(cause);
        return exception;
    }

    @Override
    public void close() {
        connections.close();
    }
}
