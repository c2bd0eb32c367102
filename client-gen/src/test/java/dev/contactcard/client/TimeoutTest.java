package dev.contactcard.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.contactcard.client.Fixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TimeoutTest {

    @RegisterExtension
    static WireMockExtension server = Fixtures.wireMock();

    private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsATimeoutAndIsRetried() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"contact_cards\":[]}").withFixedDelay(1_000)));
        ContactCardClient client = Fixtures.builder(server, sleeper)
                .readTimeout(Duration.ofMillis(100))
                .maxRetries(1)
                .build();

        assertThatThrownBy(client::list)
                .isInstanceOf(ContactCardTimeoutException.class)
                .isNotInstanceOf(ContactCardConnectionException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class)
                .hasMessageStartingWith("Timed out calling GET http://127.0.0.1:");
        // One wait, so two attempts. (WireMock journals a request only once it has answered it,
        // which a timed-out client never waits for, so the server's count is not checked here.)
        assertThat(sleeper.waits).hasSize(1);
    }

    /**
     * A loopback server that sends the headers and the first bytes of the body at once, then
     * stalls: the JDK client's own timeout stops at the headers, so only the client's body deadline
     * ends this call. (WireMock's dribble delays the headers too, so it cannot show this.)
     */
    @Test
    void aBodyThatStallsAfterTheHeadersIsATimeout() throws Exception {
        CountDownLatch testDone = new CountDownLatch(1);
        try (ServerSocket stalling = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread serverThread = new Thread(() -> {
                try (Socket socket = stalling.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    socket.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                            + "Content-Length: 100\r\n\r\n{\"contact_cards\":")
                                    .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    testDone.await(10, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException ignored) {
                    // The test is over.
                }
            });
            serverThread.start();
            ContactCardClient client = ContactCardClient.builder()
                    .baseUrl("http://127.0.0.1:" + stalling.getLocalPort() + "/api/partner")
                    .apiKey("test-key")
                    .readTimeout(Duration.ofMillis(200))
                    .maxRetries(0)
                    .build();

            assertThatThrownBy(client::list)
                    .isInstanceOf(ContactCardTimeoutException.class)
                    .hasCauseInstanceOf(HttpTimeoutException.class)
                    .hasMessageContaining("response body not received within the read timeout of 200 ms");
        } finally {
            testDone.countDown();
        }
    }

    @Test
    void aBodyThatArrivesWithinTheReadTimeoutIsRead() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"contact_cards\":[]}").withChunkedDribbleDelay(2, 50)));
        ContactCardClient client = Fixtures.builder(server, sleeper)
                .readTimeout(Duration.ofSeconds(5))
                .maxRetries(0)
                .build();

        assertThat(client.list()).isEmpty();
    }

    /**
     * A listening socket whose accept queue is full: Linux drops further SYNs, so a connect hangs
     * until the connect timeout. Nothing leaves loopback.
     */
    @Test
    void aServerThatNeverAcceptsIsAConnectTimeout() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket backlogOfOne = new ServerSocket(0, 1, loopback)) {
            InetSocketAddress address = new InetSocketAddress(loopback, backlogOfOne.getLocalPort());
            boolean queueFull = false;
            for (int i = 0; i < 16 && !queueFull; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(address, 200);
                } catch (SocketTimeoutException full) {
                    queueFull = true;
                }
            }
            assertThat(queueFull).as("the accept queue filled up").isTrue();
            ContactCardClient client = ContactCardClient.builder()
                    .baseUrl("http://127.0.0.1:" + backlogOfOne.getLocalPort())
                    .apiKey(Fixtures.API_KEY)
                    .connectTimeout(Duration.ofMillis(200))
                    .maxRetries(0)
                    .build();

            assertThatThrownBy(client::list)
                    .isInstanceOf(ContactCardTimeoutException.class)
                    .hasCauseInstanceOf(HttpConnectTimeoutException.class);
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }
}
