package dev.contactcard.server.auth;

import static dev.contactcard.server.support.ApiAssertions.assertError;
import static dev.contactcard.server.support.SpecValidatingClient.BASE_PATH;
import static dev.contactcard.server.support.SpecValidatingClient.CARDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.RawHttp;
import dev.contactcard.server.support.SpecValidatingClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under the API's base path the key is checked before anything else: a request without a valid
 * key is answered 401 / 2004 whatever else is wrong with it, so it learns nothing about paths,
 * methods, media types or bodies. With a valid key the same requests get their own answers.
 * Written byte for byte, so that a lying {@code Content-Length} or an undecodable query can be sent.
 */
class AuthenticationComesFirstTest extends ApiTest {

    private static final String CARD = "{\"first_name\":\"John\",\"phone_number\":\"+15551234567\"}";
    private static final String OVERSIZED =
            "{\"first_name\":\"John\",\"phone_number\":\"+15551234567\"" + " ".repeat(16 * 1024) + "}";

    /** A request with one thing wrong, and what it is answered once the key is valid. */
    record Flawed(
            String flaw,
            String method,
            String target,
            String headers,
            String body,
            int extraLength,
            int status,
            int code) {

        @Override
        public String toString() {
            return flaw;
        }

        String path() {
            return target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        }

        /** Whether the spec describes the request's operation, so that its answer can be validated. */
        boolean isOperation() {
            return path().equals(CARDS) && List.of("GET", "POST", "PATCH").contains(method);
        }
    }

    static List<Flawed> flawedRequests() {
        String json = "Content-Type: application/json\r\n";
        return List.of(
                new Flawed(
                        "a Content-Type that is not JSON",
                        "POST",
                        CARDS,
                        "Content-Type: text/plain\r\n",
                        "first_name=John",
                        0,
                        415,
                        2019),
                new Flawed(
                        "a Content-Encoding", "POST", CARDS, json + "Content-Encoding: gzip\r\n", CARD, 0, 415, 2019),
                new Flawed("a method the API does not have", "DELETE", CARDS, "", "", 0, 405, 2017),
                new Flawed(
                        "an unknown path under the API", "GET", BASE_PATH + "/v3/contact_cards", "", "", 0, 404, 2016),
                new Flawed("the bare base path", "GET", BASE_PATH, "", "", 0, 404, 2016),
                new Flawed("a body over 16 KiB", "POST", CARDS, json, OVERSIZED, 0, 413, 2018),
                new Flawed("a body that is not JSON", "POST", CARDS, json, "{not json", 0, 400, 1001),
                new Flawed("a body shorter than its Content-Length", "POST", CARDS, json, CARD, 50, 400, 1001),
                new Flawed("an undecodable query", "GET", CARDS + "?phone_number=%ZZ", "", "", 0, 400, 1001),
                new Flawed(
                        "a card that fails validation",
                        "POST",
                        CARDS,
                        json,
                        "{\"first_name\":\"John\",\"phone_number\":\"5551234567\"}",
                        0,
                        400,
                        1002));
    }

    static Stream<Arguments> flawedRequestsWithoutAValidKey() {
        List<String> authorizations = List.of(
                "",
                "Authorization: Bearer unknown-key\r\n",
                "Authorization: Basic c2FuZGJveC1ydy1rZXk6\r\n",
                "Authorization: Bearer " + SandboxKeys.READ_WRITE + "\r\nAuthorization: Bearer "
                        + SandboxKeys.READ_WRITE + "\r\n");
        List<String> names = List.of("no key", "an unknown key", "a malformed header", "a repeated header");
        return flawedRequests().stream()
                .flatMap(request -> IntStream.range(0, names.size())
                        .mapToObj(i ->
                                Arguments.argumentSet(request + ", " + names.get(i), request, authorizations.get(i))));
    }

    @ParameterizedTest
    @MethodSource("flawedRequestsWithoutAValidKey")
    void aRequestWithoutAValidKeyIsAnswered401WhateverElseIsWrongWithIt(Flawed request, String authorization) {
        RawHttp.Answer answer = send(request, authorization);

        assertEnvelope(request, answer, 401, 2004);
        assertThat(repository.find(SandboxKeys.PARTNER, "+15551234567")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("flawedRequests")
    void withAValidKeyTheSameRequestGetsItsOwnAnswer(Flawed request) {
        RawHttp.Answer answer = send(request, "Authorization: Bearer " + SandboxKeys.READ_WRITE + "\r\n");

        assertEnvelope(request, answer, request.status(), request.code());
        assertThat(repository.find(SandboxKeys.PARTNER, "+15551234567")).isEmpty();
    }

    /**
     * A read-only key is refused 403 once the operation is known (after 404, 405 and 415) and
     * before its body is read (before 413 and 400).
     */
    @ParameterizedTest
    @ValueSource(strings = {"a body over 16 KiB", "a body that is not JSON", "a card that fails validation"})
    void aReadOnlyKeyIsRefused403BeforeItsBodyIsJudged(String flaw) {
        Flawed request = flawedRequests().stream()
                .filter(r -> r.flaw().equals(flaw))
                .findFirst()
                .orElseThrow();

        RawHttp.Answer answer = send(request, "Authorization: Bearer " + SandboxKeys.READ_ONLY + "\r\n");

        assertEnvelope(request, answer, 403, 2005);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a Content-Type that is not JSON",
                "a method the API does not have",
                "an unknown path under the API"
            })
    void aReadOnlyKeyLearnsOfAWrongPathMethodOrMediaTypeBefore403(String flaw) {
        Flawed request = flawedRequests().stream()
                .filter(r -> r.flaw().equals(flaw))
                .findFirst()
                .orElseThrow();

        RawHttp.Answer answer = send(request, "Authorization: Bearer " + SandboxKeys.READ_ONLY + "\r\n");

        assertEnvelope(request, answer, request.status(), request.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing/here", "/", "/api/partnerX/v3/contact_card"})
    void anUnknownPathOutsideTheApiIsAnswered404WithoutAKey(String path) {
        Flawed request = new Flawed("unknown root path", "GET", path, "", "", 0, 404, 2016);

        assertEnvelope(request, send(request, ""), 404, 2016);
    }

    private RawHttp.Answer send(Flawed request, String authorization) {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        String head = request.method() + " " + request.target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization
                + request.headers() + "Content-Length: " + (body.length + request.extraLength())
                + "\r\nConnection: close\r\n\r\n";
        byte[] raw = (head + request.body()).getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(port, raw);
    }

    /** The answer is the envelope with this status and code, and conforms to the spec where the spec has the operation. */
    private static void assertEnvelope(Flawed request, RawHttp.Answer answer, int status, int code) {
        assertError(answer, status, code);
        if (request.isOperation()) {
            assertThat(SpecValidatingClient.validate(
                                    request.path(), request.method(), answer.status(), answer.headers(), answer.body())
                            .getMessages())
                    .as(answer.body())
                    .isEmpty();
        }
    }
}
