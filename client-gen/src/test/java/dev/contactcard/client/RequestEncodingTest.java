package dev.contactcard.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.contactcard.client.Fixtures.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.contactcard.client.model.CreateContactCardRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A request the client cannot encode is reported as such, not as a failed connection. */
class RequestEncodingTest {

    @RegisterExtension
    static WireMockExtension server = Fixtures.wireMock();

    /** A caller's subclass of a request model whose getter fails while Jackson writes it. */
    static class UnwritableRequest extends CreateContactCardRequest {
        @Override
        public String getFirstName() {
            throw new IllegalStateException("the name source is closed");
        }
    }

    @Test
    void aRequestThatCannotBeEncodedFailsAsAnEncodingErrorAndSendsNothing() {
        ContactCardClient client =
                Fixtures.builder(server, new Fixtures.RecordingSleeper()).build();

        assertThatThrownBy(() -> client.create(new UnwritableRequest().phoneNumber(PHONE)))
                .isExactlyInstanceOf(ContactCardException.class)
                .hasMessageStartingWith("Could not encode the request body as JSON, so nothing was sent")
                .hasMessageContaining("the name source is closed")
                .hasMessageNotContaining("Could not call");
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
