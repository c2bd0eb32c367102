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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TimeoutTest {

  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

  @Test
  void anAnswerSlowerThanTheReadTimeoutIsATimeoutAndIsRetried() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(okJson("{\"contact_cards\":[]}").withFixedDelay(1_000)));
    ContactCardClient client =
        Fixtures.builder(server, sleeper).readTimeout(Duration.ofMillis(100)).maxRetries(1).build();

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
      ContactCardClient client =
          ContactCardClient.builder()
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
