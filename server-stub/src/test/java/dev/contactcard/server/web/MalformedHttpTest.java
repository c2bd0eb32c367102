package dev.contactcard.server.web;

import static dev.contactcard.server.auth.SandboxKeys.READ_ONLY;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static dev.contactcard.server.support.ApiAssertions.assertError;
import static dev.contactcard.server.support.SpecValidatingClient.CARDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.RawHttp;
import dev.contactcard.server.support.SpecValidatingClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no well-behaved client sends, written byte for byte: each is answered in the error
 * envelope (never Tomcat's HTML page, never a 500), and the stored card stays as it was.
 */
class MalformedHttpTest extends ApiTest {

    private static final String NUMBER = "+15551234567";
    private static final String CARD = "{\"first_name\":\"Mallory\",\"phone_number\":\"" + NUMBER + "\"}";

    @ParameterizedTest
    @ValueSource(strings = {"phone_number=%ZZ", "phone_number=%FF", "phone_number=%2B1555%E2%82", "phone_number=%"})
    void aPhoneNumberThatIsNotPercentEncodedUtf8IsAMalformedRequest(String query) {
        RawHttp.Answer answer = RawHttp.send(
                port,
                "GET " + CARDS + "?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Authorization: Bearer " + READ_ONLY
                        + "\r\nConnection: close\r\n\r\n");

        assertError(answer, 400, 1001);
        assertConformsToSpec("GET", answer);
    }

    @Test
    void anotherUndecodableQueryParameterIsRefusedWith1001() {
        RawHttp.Answer answer = RawHttp.send(
                port,
                "GET " + CARDS + "?phone_number=%2B15551234567&x=%ZZ HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: Bearer " + READ_ONLY + "\r\nConnection: close\r\n\r\n");

        assertError(answer, 400, 1001);
        assertConformsToSpec("GET", answer);
    }

    @Test
    void anUpdateWithAnUndecodablePhoneNumberChangesNothing() {
        repository.save(ContactCardRecord.of("sandbox", NUMBER, "John", "Doe", null, true));
        String body = "{\"last_name\":\"Changed\"}";

        RawHttp.Answer answer = RawHttp.send(
                port,
                "PATCH " + CARDS + "?phone_number=%2B1555123456%Z7 HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: Bearer " + READ_WRITE
                        + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);

        assertError(answer, 400, 1001);
        assertConformsToSpec("PATCH", answer);
        assertThat(repository.find("sandbox", NUMBER))
                .get()
                .extracting(ContactCardRecord::lastName)
                .isEqualTo("Doe");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "GET " + CARDS + "?phone_number[]=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET " + CARDS + "?a=| HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/partner/v3%2Fcontact_card HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "HELLO\r\n\r\n",
                "GET " + CARDS + " HTTP/1.1\r\nConnection: close\r\n\r\n",
                "GET " + CARDS + " HTTP/2.5\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET " + CARDS + " HTTP/1.1\r\nHost: x\r\nNot A Header\r\nConnection: close\r\n\r\n",
                "CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "POST " + CARDS + " HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n{}",
                "POST " + CARDS + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}",
                "POST " + CARDS
                        + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{}",
                "POST " + CARDS + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: bogus\r\nConnection: close\r\n\r\n{}",
            })
    void aRequestTomcatRejectsIsAnsweredInTheEnvelopeWith1001WithOrWithoutAKey(String request) {
        String keyed = request.replace("Host: x\r\n", "Host: x\r\nAuthorization: Bearer " + READ_WRITE + "\r\n");

        // Tomcat's parser refuses these before there is a request to authenticate: the same answer
        // on every path, whatever the key, so it tells an unauthenticated caller nothing.
        assertMalformedRequestEnvelope(RawHttp.send(port, request));
        assertMalformedRequestEnvelope(RawHttp.send(port, keyed));
    }

    @Test
    void aRequestLineOrHeaderOverTomcatsLimitIsAnsweredInTheEnvelopeWith1001() {
        String longQuery =
                "GET " + CARDS + "?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        String longKey = "GET " + CARDS + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + "k".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n";

        assertMalformedRequestEnvelope(RawHttp.send(port, longQuery));
        assertMalformedRequestEnvelope(RawHttp.send(port, longKey));
    }

    @Test
    void aBodyShorterThanItsContentLengthIsRefusedAndStoresNothing() {
        RawHttp.Answer answer = RawHttp.send(
                port,
                "POST " + CARDS + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + READ_WRITE + "\r\nContent-Type: application/json\r\nContent-Length: " + (CARD.length() + 50)
                        + "\r\nConnection: close\r\n\r\n" + CARD);

        assertError(answer, 400, 1001);
        assertConformsToSpec("POST", answer);
        assertThat(repository.find("sandbox", NUMBER)).isEmpty();
    }

    private static void assertMalformedRequestEnvelope(RawHttp.Answer answer) {
        assertError(answer, 400, 1001);
        assertThat(answer.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
    }

    private static void assertConformsToSpec(String method, RawHttp.Answer answer) {
        assertThat(SpecValidatingClient.validate(CARDS, method, answer.status(), answer.headers(), answer.body())
                        .getMessages())
                .as(answer.body())
                .isEmpty();
    }
}
