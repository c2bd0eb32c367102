package dev.contactcard.server.web;

import static dev.contactcard.server.auth.SandboxKeys.READ_ONLY;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.MachineLoad;
import dev.contactcard.server.support.RawHttp;
import dev.contactcard.server.support.SpecValidatingClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * One caller cannot starve the others: a key may have {@code contactcard.limits.max-in-flight-per-key}
 * requests in flight, one more is answered 429 / 2020 with {@code Retry-After} before its body is
 * read. Raw sockets on loopback play a client that sends the headers and then the body one byte at
 * a time, slower than any real client.
 *
 * <p>The latency bound is the issue's: with 500 such connections of one key, a GET with another key
 * answers within 100 ms at the 99th percentile (200 GETs after 20 warm-up GETs). On a build machine
 * so loaded that GETs alone already take longer, the bound is three times their p99 without the slow
 * connections: what the test guards against is starvation, where a GET waits for a worker thread
 * until its client gives up (10 s and more before the limits existed).
 */
@Order(Integer.MAX_VALUE) // last: see MachineLoad.CORES
@ResourceLock(MachineLoad.CORES)
class SlowClientsTest extends ApiTest {

    private static final int SLOW_CONNECTIONS = 500;
    private static final Duration P99_BOUND = Duration.ofMillis(100);

    private final int maxInFlightPerKey =
            bean(ContactCardProperties.class).limits().maxInFlightPerKey();

    private final List<Socket> slow = new ArrayList<>();
    private final HttpClient plain = HttpClient.newHttpClient();

    @AfterEach
    void closeTheSlowConnectionsAndWaitForTheirRequestsToEnd() throws Exception {
        for (Socket socket : slow) {
            socket.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (getWith(READ_WRITE).status() != 200) {
            assertThat(System.nanoTime()).as("the slow requests ended").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void fiveHundredConnectionsOfOneKeyTricklingBodiesDoNotSlowDownAnotherKey() throws Exception {
        Duration alone = p99OfGetsWithAnotherKey();
        for (int i = 0; i < SLOW_CONNECTIONS; i++) {
            slow.add(startTricklingCreate());
        }

        Duration besideSlowClients = p99OfGetsWithAnotherKey();

        Duration bound = alone.multipliedBy(3).compareTo(P99_BOUND) > 0 ? alone.multipliedBy(3) : P99_BOUND;
        assertThat(besideSlowClients)
                .as("p99 of a GET with another key beside 500 slow connections (alone: %s)", alone)
                .isLessThanOrEqualTo(bound);
        // One second for all the answers together: refused requests were answered long ago, and
        // waiting a second per request still in flight would add up to the allowance in seconds.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        Map<Integer, Integer> answers = new TreeMap<>();
        for (Socket socket : slow) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            answers.merge(answerStatus(socket, Math.max(1, left)), 1, Integer::sum);
        }
        assertThat(answers.keySet()).as("answers: %s", answers).isSubsetOf(0, 408, 429);
        assertThat(answers.getOrDefault(0, 0))
                .as("still in flight: at most the key's allowance (%s)", answers)
                .isLessThanOrEqualTo(maxInFlightPerKey);
        // A slow request holds its place until its body times out (408), then the next one gets it;
        // dispatching 500 connections on a loaded machine can take more than one such period.
        assertThat(answers.getOrDefault(429, 0))
                .as("the others are refused at once: %s", answers)
                .isGreaterThanOrEqualTo(SLOW_CONNECTIONS - 3 * maxInFlightPerKey);
    }

    @Test
    void aRequestOverTheKeysInFlightAllowanceIsAnswered429WithRetryAfterAnd2020() throws Exception {
        for (int i = 0; i < maxInFlightPerKey; i++) {
            slow.add(startTricklingCreate());
        }
        // Until the slow requests hold the whole allowance: one more of them is refused.
        Socket refused = startTricklingCreate();
        slow.add(refused);
        while (answerStatus(refused) != 429) {
            assertThat(slow).as("slow requests opened").hasSizeLessThan(3 * maxInFlightPerKey);
            refused = startTricklingCreate();
            slow.add(refused);
        }

        RawHttp.Answer over = getWith(READ_WRITE);

        assertThat(over.status()).isEqualTo(429);
        assertThat(over.header("Retry-After")).isEqualTo("1");
        assertThat(over.header("Connection")).isEqualTo("close");
        assertThat(over.body()).contains("\"code\":2020").contains("\"status\":429");
        assertThat(getWith(READ_ONLY).status()).as("another key is served").isEqualTo(200);
    }

    /**
     * The 99th percentile of 200 GETs with the read-only key (a plain client: the timing must not
     * include the spec validation of {@code api}), after 20 to warm up.
     */
    private Duration p99OfGetsWithAnotherKey() throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SpecValidatingClient.CARDS))
                .header("Authorization", "Bearer " + READ_ONLY)
                .build();
        for (int i = 0; i < 20; i++) {
            plain.send(get, HttpResponse.BodyHandlers.discarding());
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            assertThat(plain.send(get, HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(200);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return Duration.ofNanos(nanos[(int) Math.ceil(nanos.length * 0.99) - 1]);
    }

    /** A create whose headers arrive at once and whose body never completes. */
    private Socket startTricklingCreate() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.getOutputStream()
                .write(("POST /api/partner/v3/contact_card HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Bearer " + READ_WRITE + "\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                        .getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The status of the answer on a slow connection, 0 when none came within a second, -1 when closed without one. */
    private static int answerStatus(Socket socket) throws IOException {
        return answerStatus(socket, 1000);
    }

    /** The status of the answer on a slow connection, 0 when none came within the wait, -1 when closed without one. */
    private static int answerStatus(Socket socket, long waitMillis) throws IOException {
        socket.setSoTimeout((int) waitMillis);
        InputStream in = socket.getInputStream();
        byte[] line = new byte[12];
        try {
            int n = in.readNBytes(line, 0, line.length);
            return n == line.length ? Integer.parseInt(new String(line, 9, 3, StandardCharsets.ISO_8859_1)) : -1;
        } catch (SocketTimeoutException ex) {
            return 0;
        } catch (IOException ex) {
            return -1;
        }
    }

    private RawHttp.Answer getWith(String key) {
        return RawHttp.send(
                port,
                "GET /api/partner/v3/contact_card HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                        + "\r\nConnection: close\r\n\r\n");
    }
}
