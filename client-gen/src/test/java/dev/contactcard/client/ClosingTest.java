package dev.contactcard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contactcard.client.LoopbackServer.Action;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A client holds a pool of connections until it is closed; closed, it refuses every call. */
class ClosingTest {

    private static final String NO_CARD = "{\"contact_cards\":[]}";

    @Test
    void closingTheClientReleasesItsConnectionAndRefusesEveryLaterCall() throws Exception {
        try (LoopbackServer server = new LoopbackServer((index, request) -> Action.answer(200, NO_CARD))) {
            ContactCardClient client = ContactCardClient.builder()
                    .baseUrl(server.baseUrl())
                    .apiKey("sandbox-rw-key")
                    .maxRetries(0)
                    .build();
            assertThat(client.get("+15551234567")).isEmpty();
            assertThat(server.clientClosedAConnectionWithin(Duration.ofMillis(200)))
                    .as("the connection is kept in the pool while the client is open")
                    .isFalse();

            client.close();

            assertThat(server.clientClosedAConnectionWithin(Duration.ofSeconds(5)))
                    .as("the connection is closed with the client")
                    .isTrue();
            assertThatThrownBy(() -> client.get("+15551234567"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            client.close(); // a second close changes nothing
            assertThat(server.count()).isEqualTo(1);
        }
    }
}
