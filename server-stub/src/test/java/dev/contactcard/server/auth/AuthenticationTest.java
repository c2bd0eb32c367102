package dev.contactcard.server.auth;

import static dev.contactcard.server.support.ApiAssertions.assertError;
import static dev.contactcard.server.support.SpecValidatingClient.CARDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.RawHttp;
import dev.contactcard.server.support.SpecValidatingClient;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest extends ApiTest {

    private static final String CARD = """
            {"first_name": "John", "phone_number": "+15551234567"}""";

    @Test
    void aRequestWithoutAnAuthorizationHeaderIsRefusedWith401() {
        Answer answer = api.send("GET", CARDS, null, Map.of());

        assertError(answer, 401, 2004);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sandbox-rw-key",
                "Basic c2FuZGJveC1ydy1rZXk6",
                "Bearer",
                "Bearer ",
                "Bearer unknown-key",
                "Bearer SANDBOX-RW-KEY",
                "Bearer sandbox-rw-key extra",
                "Token sandbox-rw-key"
            })
    void aMalformedOrUnknownKeyIsRefusedWith401(String authorization) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Content-Type", "application/json");

        Answer answer = api.send("POST", CARDS, CARD, headers);

        assertError(answer, 401, 2004);
        assertThat(repository.find(SandboxKeys.PARTNER, "+15551234567")).isEmpty();
    }

    @Test
    void twoAuthorizationHeadersAreRefusedWith401EvenWhenOneCarriesAValidKey() {
        String[][] pairs = {
            {"Bearer " + SandboxKeys.READ_WRITE, "Bearer unknown-key"},
            {"Bearer unknown-key", "Bearer " + SandboxKeys.READ_WRITE},
            {"Bearer " + SandboxKeys.READ_ONLY, "Bearer " + SandboxKeys.READ_WRITE}
        };
        for (String[] pair : pairs) {
            RawHttp.Answer answer = RawHttp.send(
                    port,
                    "POST " + CARDS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: " + pair[0] + "\r\nAuthorization: " + pair[1] + "\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + CARD.length()
                            + "\r\nConnection: close\r\n\r\n" + CARD);

            assertError(answer, 401, 2004);
            assertThat(SpecValidatingClient.validate(CARDS, "POST", answer.status(), answer.headers(), answer.body())
                            .getMessages())
                    .isEmpty();
        }
        assertThat(repository.find(SandboxKeys.PARTNER, "+15551234567")).isEmpty();
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        Answer answer = api.send("GET", CARDS, null, Map.of("Authorization", "bearer " + SandboxKeys.READ_ONLY));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void anUnauthenticatedRequestIsRefusedBeforeItsBodyIsRead() {
        Answer answer = api.send("POST", CARDS, "{not json", Map.of("Content-Type", "application/json"));

        assertError(answer, 401, 2004);
    }

    @Test
    void aReadOnlyKeyCanGet() {
        assertThat(api.list(SandboxKeys.READ_ONLY).status()).isEqualTo(200);
        assertThat(api.get(SandboxKeys.READ_ONLY, "+15551234567").status()).isEqualTo(200);
    }

    @Test
    void aReadOnlyKeyCannotCreate() {
        Answer answer = api.create(SandboxKeys.READ_ONLY, CARD);

        assertError(answer, 403, 2005);
        assertThat(repository.find(SandboxKeys.PARTNER, "+15551234567")).isEmpty();
    }

    @Test
    void aReadWriteKeyCanCreate() {
        assertThat(api.create(SandboxKeys.READ_WRITE, CARD).status()).isEqualTo(200);
    }
}
