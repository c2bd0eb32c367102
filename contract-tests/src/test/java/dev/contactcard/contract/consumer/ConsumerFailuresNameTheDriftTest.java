package dev.contactcard.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.BaseMockServer;
import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.MockHttpServerKt;
import au.com.dius.pact.consumer.model.MockProviderConfig;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import dev.contactcard.client.ConflictException;
import dev.contactcard.client.ContactCardClient;
import dev.contactcard.client.InternalServerException;
import dev.contactcard.client.model.CreateContactCardRequest;
import dev.contactcard.client.model.UpdateContactCardRequest;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A consumer test whose client drifts from the pact fails with Pact's own mismatch, which names
 * the drift, and not only with what the client makes of the mock server's 500. The pacts here
 * are built in the test and served by a mock server started by hand, so nothing is written to
 * {@code target/pacts}.
 */
class ConsumerFailuresNameTheDriftTest {

    private static final String PATH = "/api/partner/v3/contact_card";
    private static final String PHONE = "+15551234567";
    private static final String JSON = "^application/json(;\\s?charset=(?i)utf-8)?$";

    @Test
    void aClientThatLeavesOutAFieldThePactExpectsFailsNamingTheMissingKey() {
        V4Pact pact = ConsumerPactBuilder.consumer("drifting-client")
                .hasPactWith("contact-card-provider")
                .uponReceiving("an update that removes the image")
                .path(PATH)
                .method("PATCH")
                .query("phone_number=" + PHONE)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(newJsonBody(body -> body.nullValue("image_url")).build())
                .willRespondWith()
                .status(200)
                .body(newJsonBody(body -> body.stringValue("phone_number", PHONE)
                                .stringValue("first_name", "John")
                                .booleanValue("is_active", true))
                        .build())
                .toPact(V4Pact.class);

        withMockServer(pact, server -> {
            ContactCardClient client = client(server);

            // The drift: the client forgets to send the explicit null that clears the image.
            assertThatThrownBy(
                            PactMismatches.calling(server, () -> client.update(PHONE, new UpdateContactCardRequest())))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("does not match the pact")
                    .hasMessageContaining("Expected a Map with keys [image_url] but received one with keys []")
                    .hasCauseInstanceOf(InternalServerException.class);
        });
    }

    @Test
    void aRecordedErrorTheClientMapsIsRethrownUntouched() {
        V4Pact pact = ConsumerPactBuilder.consumer("conforming-client")
                .hasPactWith("contact-card-provider")
                .uponReceiving("a create for a number that already has an active card")
                .path(PATH)
                .method("POST")
                .matchHeader("Content-Type", JSON, "application/json")
                .body(newJsonBody(
                                body -> body.stringValue("phone_number", PHONE).stringValue("first_name", "Jane"))
                        .build())
                .willRespondWith()
                .status(409)
                .body(newJsonBody(body -> {
                            body.object(
                                    "error",
                                    error -> error.numberValue("status", 409)
                                            .numberValue("code", 2014)
                                            .stringValue("message", "exists"));
                            body.booleanValue("success", false);
                        })
                        .build())
                .toPact(V4Pact.class);

        withMockServer(
                pact,
                server -> assertThatThrownBy(PactMismatches.calling(
                                server,
                                () -> client(server)
                                        .create(new CreateContactCardRequest()
                                                .phoneNumber(PHONE)
                                                .firstName("Jane"))))
                        .isInstanceOfSatisfying(
                                ConflictException.class,
                                e -> assertThat(e.errorCode()).hasValue(2014)));
    }

    private static ContactCardClient client(BaseMockServer server) {
        return ContactCardClient.builder()
                .baseUrl(server.getUrl() + "/api/partner")
                .apiKey("sandbox-rw-key")
                .maxRetries(0)
                .build();
    }

    private static void withMockServer(V4Pact pact, Consumer<BaseMockServer> test) {
        BaseMockServer server =
                MockHttpServerKt.mockServer(pact, MockProviderConfig.httpConfig("127.0.0.1", 0, PactSpecVersion.V4));
        server.start();
        server.waitForServer();
        try {
            test.accept(server);
        } finally {
            server.stop();
        }
    }
}
