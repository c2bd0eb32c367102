package dev.contactcard.server.web;

import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static dev.contactcard.server.support.ApiAssertions.assertError;
import static dev.contactcard.server.support.SpecValidatingClient.CARDS;
import static dev.contactcard.server.support.SpecValidatingClient.headers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.generated.api.ContactCardApi;
import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.RawHttp;
import dev.contactcard.server.support.SpecValidatingClient;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.validation.annotation.Validated;

/** Bad input is answered in the error envelope with the spec's code, and stores nothing. */
class InvalidRequestTest extends ApiTest {

    private static final String LONG_NAME = "x".repeat(101);
    private static final String LONG_URL = "https://example.com/" + "a".repeat(2030);

    @ParameterizedTest(name = "create {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"first_name": "John", "phone_number": "5551234567"}                              | 1002
            {"first_name": "John", "phone_number": "+0551234567"}                             | 1002
            {"first_name": "John", "phone_number": "+1555123456789012"}                       | 1002
            {"phone_number": "+15551234567"}                                                  | 1003
            {"first_name": "John"}                                                            | 1003
            {"first_name": null, "phone_number": "+15551234567"}                              | 1003
            {"first_name": "", "phone_number": "+15551234567"}                                | 1003
            {"first_name": "   ", "phone_number": "+15551234567"}                             | 1003
            {"first_name": "LONG_NAME", "phone_number": "+15551234567"}                       | 1004
            {"first_name": "John", "last_name": "LONG_NAME", "phone_number": "+15551234567"}  | 1004
            {"first_name": "John", "image_url": "LONG_URL", "phone_number": "+15551234567"}   | 1004
            {"first_name": "John", "image_url": "example.com/a.jpg", "phone_number": "+15551234567"} | 1005
            {"first_name": "John", "image_url": "ftp://example.com/a", "phone_number": "+15551234567"} | 1005
            {"first_name": "John", "image_url": "/relative/a.jpg", "phone_number": "+15551234567"}  | 1005
            {"first_name": "\\u00a0\\u3000", "phone_number": "+15551234567"}                    | 1003
            {"first_name": "\\u200b\\ufeff", "phone_number": "+15551234567"}                    | 1003
            {"first_name": "\\u0000", "phone_number": "+15551234567"}                            | 1003
            {"first_name": "John", "image_url": "", "phone_number": "+15551234567"}           | 1005
            {"first_name": "John", "image_url": "https://x.com/a\\u00a0b", "phone_number": "+15551234567"} | 1005
            {"first_name": "John", "image_url": "https://x.com/a\\u0000b", "phone_number": "+15551234567"} | 1005
            {"first_name": "John", "image_url": "http:///a.jpg", "phone_number": "+15551234567"}  | 1005
            {"first_name": "John", "image_url": "http://:80/a.jpg", "phone_number": "+15551234567"} | 1005
            {"first_name": "John", "image_url": "http://user@/a.jpg", "phone_number": "+15551234567"} | 1005
            {"first_name": "John", "image_url": "http://[::1/a.jpg", "phone_number": "+15551234567"} | 1005
            {"first_name": "John", "image_url": "http://x.com:99999/a", "phone_number": "+15551234567"} | 1005
            {"first_name": "John", "image_url": "javascript:alert(1)", "phone_number": "+15551234567"} | 1005
            {"first_name": "A\\ud800", "phone_number": "+15551234567"}                            | 1001
            {"first_name": "John", "last_name": "\\udc00", "phone_number": "+15551234567"}        | 1001
            {"first_name": "John", "first_name": "Mallory", "phone_number": "+15551234567"}   | 1001
            {"first_name": "John", "phone_number": "+15550000000", "phone_number": "+15551234567"} | 1001
            {"first_name": 42, "phone_number": "+15551234567"}                                | 1001
            {"first_name": true, "phone_number": "+15551234567"}                              | 1001
            {"first_name": 4.2, "phone_number": "+15551234567"}                               | 1001
            {"first_name": "John", "phone_number": 15551234567}                               | 1001
            {"first_name": ["John"], "phone_number": "+15551234567"}                          | 1001
            {"first_name": "John", "phone_number": "+15551234567"                             | 1001
            ["John", "+15551234567"]                                                          | 1001
            not json at all                                                                   | 1001
            # several rules broken at once: the lowest code is answered
            {"first_name": "LONG_NAME", "phone_number": "5551234567"}                         | 1002
            {"first_name": "John", "last_name": "LONG_NAME", "image_url": "ftp://x", "phone_number": "+15551234567"} | 1004
            {"first_name": "\\u00a0", "last_name": "LONG_NAME", "phone_number": "+15551234567"}  | 1003
            {"first_name": "\\u200b", "image_url": "LONG_URL", "phone_number": "+15551234567"}   | 1003
            {"first_name": "A\\ud800", "phone_number": "5551234567"}                             | 1001
            {"first_name": "LONG_NAME", "last_name": "\\udc00", "phone_number": "+15551234567"}  | 1001
            """)
    void aCreateWithBadInputIsRefusedWithTheSpecsCode(String body, int code) {
        Answer answer =
                api.create(READ_WRITE, body.replace("LONG_NAME", LONG_NAME).replace("LONG_URL", LONG_URL));

        assertError(answer, 400, code);
        assertThat(repository.find("sandbox", "+15551234567")).isEmpty();
    }

    @ParameterizedTest(name = "update {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"first_name": ""}                    | 1003
            {"first_name": "\\u00a0"}             | 1003
            {"first_name": "\\u200b"}             | 1003
            {"image_url": ""}                     | 1005
            {"image_url": "https://[::1/a.jpg"}   | 1005
            {"image_url": "https:// x.com/a.jpg"} | 1005
            {"last_name": "\\ud800"}              | 1001
            {"last_name": "LONG_NAME"}            | 1004
            {"image_url": "LONG_URL"}             | 1004
            {"image_url": "not a url"}            | 1005
            {"last_name": 7}                      | 1001
            {"image_url": false}                  | 1001
            {"last_name":                         | 1001
            # several rules broken at once: the lowest code is answered
            {"first_name": "\\u00a0", "last_name": "LONG_NAME"} | 1003
            {"last_name": "\\ud800", "image_url": "LONG_URL"}   | 1001
            {"first_name": "LONG_NAME", "image_url": "http:///a.jpg"} | 1004
            """)
    void anUpdateWithBadInputIsRefusedWithTheSpecsCode(String body, int code) {
        repository.save(ContactCardRecord.of("sandbox", "+15551234567", "John", "Doe", null, true));

        Answer answer = api.update(
                READ_WRITE, "+15551234567", body.replace("LONG_NAME", LONG_NAME).replace("LONG_URL", LONG_URL));

        assertError(answer, 400, code);
        assertThat(repository.find("sandbox", "+15551234567"))
                .contains(ContactCardRecord.of("sandbox", "+15551234567", "John", "Doe", null, true));
    }

    @Test
    void aCreateWhoseFirstNameIsBlankInAnotherScriptIsAnswered1003EvenWhenTheLastNameIsAlsoTooLong() {
        Answer answer = api.create(READ_WRITE, """
                {"first_name": "\\u00a0", "last_name": "%s", "phone_number": "+15551234567"}""".formatted(LONG_NAME));

        assertError(answer, 400, 1003);
        assertThat(answer.json().path("error").path("message").asString())
                .isEqualTo("first_name is required and must not be blank");
        assertThat(repository.find("sandbox", "+15551234567")).isEmpty();
    }

    @Test
    void anUpdateWhoseFirstNameIsBlankInAnotherScriptIsAnswered1003EvenWhenTheLastNameIsAlsoTooLong() {
        ContactCardRecord card = ContactCardRecord.of("sandbox", "+15551234567", "John", "Doe", null, true);
        repository.save(card);

        Answer answer = api.update(READ_WRITE, "+15551234567", """
                {"first_name": "\\u3000", "last_name": "%s"}""".formatted(LONG_NAME));

        assertError(answer, 400, 1003);
        assertThat(answer.json().path("error").path("message").asString())
                .isEqualTo("first_name is required and must not be blank");
        assertThat(repository.find("sandbox", "+15551234567")).contains(card);
    }

    @Test
    void anUpdateWhoseImageUrlHasNoHostIsAnswered1005AndAnExplicitNullBesideItIsNotAnError() {
        ContactCardRecord card = ContactCardRecord.of("sandbox", "+15551234567", "John", "Doe", null, true);
        repository.save(card);

        Answer answer = api.update(READ_WRITE, "+15551234567", """
                {"last_name": null, "image_url": "https://:443/a.jpg"}""");

        assertError(answer, 400, 1005);
        assertThat(answer.json().path("error").path("message").asString())
                .isEqualTo("image_url must be an absolute http or https URL");
        assertThat(repository.find("sandbox", "+15551234567")).contains(card);
    }

    @Test
    void anUpdateWithAnEmptyPhoneNumberIsRefusedWith1003AsAMissingOne() {
        Answer answer = api.send(
                "PATCH",
                CARDS + "?phone_number=",
                "{\"last_name\": \"Smith\"}",
                headers(READ_WRITE, "application/json"));

        assertError(answer, 400, 1003);
        assertThat(answer.json().path("error").path("message").asString()).isEqualTo("phone_number is required");
    }

    @Test
    void aListWithAnEmptyPhoneNumberIsRefusedWith1002() {
        Answer answer = api.send("GET", CARDS + "?phone_number=", null, headers(READ_WRITE, null));

        assertError(answer, 400, 1002);
    }

    @Test
    void anUpdateWithABadPhoneNumberAndABadBodyIsAnsweredTheLowestCodeOfBoth() {
        ContactCardRecord card = ContactCardRecord.of("sandbox", "+15551234567", "John", "Doe", null, true);
        repository.save(card);

        Answer badNumberAndTooLong = api.update(READ_WRITE, "+0123", """
                {"last_name": "%s"}""".formatted(LONG_NAME));
        Answer badNumberAndBadText = api.update(READ_WRITE, "+0123", """
                {"last_name": "\\ud800"}""");

        assertError(badNumberAndTooLong, 400, 1002);
        assertError(badNumberAndBadText, 400, 1001);
        assertThat(badNumberAndBadText.json().path("error").path("message").asString())
                .startsWith("last_name is not valid Unicode text");
        assertThat(repository.find("sandbox", "+15551234567")).contains(card);
    }

    /** The key's rule (printable ASCII, 1001) and the body's (E.164, 1002) are judged in one pass. */
    @Test
    void aCreateWithABadIdempotencyKeyAndABadBodyIsAnsweredTheLowestCodeOfBothAndStoresNothing() {
        Map<String, String> keyWithASpace = headers(READ_WRITE, "application/json");
        keyWithASpace.put("Idempotency-Key", "has space");
        Map<String, String> tooLongKey = headers(READ_WRITE, "application/json");
        tooLongKey.put("Idempotency-Key", "k".repeat(256));

        Answer badKeyAndBadNumber = api.send("POST", CARDS, """
                {"first_name": "John", "phone_number": "5551234567"}""", keyWithASpace);
        Answer tooLongKeyAndBadNumber = api.send("POST", CARDS, """
                {"first_name": "John", "phone_number": "5551234567"}""", tooLongKey);
        Answer tooLongKeyAndValidBody = api.send("POST", CARDS, """
                {"first_name": "John", "phone_number": "+15551234567"}""", tooLongKey);

        assertError(badKeyAndBadNumber, 400, 1001);
        assertError(tooLongKeyAndBadNumber, 400, 1002);
        assertError(tooLongKeyAndValidBody, 400, 1004);
        assertThat(tooLongKeyAndValidBody.json().path("error").path("message").asString())
                .isEqualTo("idempotency_key must be at most 255 characters");
        assertThat(repository.find("sandbox", "+15551234567")).isEmpty();
    }

    /**
     * Parameters are validated by Spring MVC itself, in the same pass as the body: the controller
     * is the plain object, with no method-validation proxy (and its interceptor chain) on every
     * request.
     */
    @Test
    void theControllerIsValidatedWithoutAProxyAroundIt() {
        Object controller = bean(ContactCardApi.class);

        assertThat(AopUtils.isAopProxy(controller))
                .as(controller.getClass().getName())
                .isFalse();
        assertThat(AnnotationUtils.findAnnotation(controller.getClass(), Validated.class))
                .isNull();
    }

    @Test
    void aCreateWithoutABodyIsRefusedWith1001() {
        Answer answer = api.send("POST", CARDS, null, headers(READ_WRITE, "application/json"));

        assertError(answer, 400, 1001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void aBodyThatIsNotJsonIsRefusedWith415(String contentType) {
        Answer answer = api.send(
                "POST", CARDS, "first_name=John&phone_number=%2B15551234567", headers(READ_WRITE, contentType));

        assertError(answer, 415, 2019);
        assertThat(answer.header("Accept")).isEqualTo("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "br", "deflate, gzip"})
    void aBodyWithAContentEncodingIsRefusedWith415AndStoresNothing(String encoding) {
        Map<String, String> headers = headers(READ_WRITE, "application/json");
        headers.put("Content-Encoding", encoding);

        Answer answer =
                api.send("POST", CARDS, "{\"first_name\": \"John\", \"phone_number\": \"+15551234567\"}", headers);

        assertError(answer, 415, 2019);
        assertThat(repository.find("sandbox", "+15551234567")).isEmpty();
    }

    @Test
    void aGzippedBodyIsRefusedWith415NotReadAsMalformedJson() throws IOException {
        byte[] json = "{\"first_name\": \"John\", \"phone_number\": \"+15551234567\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(json);
        }
        byte[] head = ("POST " + CARDS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + READ_WRITE
                        + "\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: "
                        + gzipped.size() + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + gzipped.size());
        System.arraycopy(gzipped.toByteArray(), 0, request, head.length, gzipped.size());

        RawHttp.Answer answer = RawHttp.send(port, request);

        assertError(answer, 415, 2019);
        assertThat(SpecValidatingClient.validate(CARDS, "POST", answer.status(), answer.headers(), answer.body())
                        .getMessages())
                .isEmpty();
        assertThat(repository.find("sandbox", "+15551234567")).isEmpty();
    }

    @Test
    void anIdentityContentEncodingIsAccepted() {
        Map<String, String> headers = headers(READ_WRITE, "application/json");
        headers.put("Content-Encoding", "identity");

        Answer answer =
                api.send("POST", CARDS, "{\"first_name\": \"John\", \"phone_number\": \"+15551234567\"}", headers);

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void aBodyOver16KiBIsRefusedWith413() {
        String padded = "{\"first_name\": \"John\", \"phone_number\": \"+15551234567\"" + " ".repeat(16 * 1024) + "}";

        Answer answer = api.create(READ_WRITE, padded);

        assertError(answer, 413, 2018);
        assertThat(repository.find("sandbox", "+15551234567")).isEmpty();
    }

    @Test
    void aChunkedBodyOver16KiBIsRefusedWith413WithoutAContentLengthToGoBy() {
        String padded = "{\"first_name\": \"John\", \"phone_number\": \"+15551234567\"" + " ".repeat(16 * 1024) + "}";

        RawHttp.Answer answer = RawHttp.send(
                port,
                "POST " + CARDS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + READ_WRITE + "\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + Integer.toHexString(padded.length()) + "\r\n" + padded + "\r\n0\r\n\r\n");

        assertError(answer, 413, 2018);
        assertThat(repository.find("sandbox", "+15551234567")).isEmpty();
    }

    @Test
    void aBodyOfExactly16KiBIsAccepted() {
        String start = "{\"first_name\": \"John\", \"phone_number\": \"+15551234567\"";
        String exact = start + " ".repeat(16 * 1024 - start.length() - 1) + "}";

        Answer answer = api.create(READ_WRITE, exact);

        assertThat(exact).hasSize(16 * 1024);
        assertThat(answer.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/partner/v3/contact_cards", "/api/partner/v2/contact_card", "/nothing/here", "/"})
    void anUnknownPathIsAnswered404WithCode2016(String path) {
        Answer answer = api.sendOutsideSpec("GET", path, null, headers(READ_WRITE, null));

        assertError(answer, 404, 2016);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "PUT"})
    void aMethodTheApiDoesNotHaveIsAnswered405WithCode2017(String method) {
        Answer answer = api.sendOutsideSpec(method, CARDS, "{}", headers(READ_WRITE, "application/json"));

        assertError(answer, 405, 2017);
        assertThat(answer.header("Allow")).isEqualTo("GET, PATCH, POST");
    }

    @Test
    void anAcceptHeaderWithoutJsonStillGetsAJsonAnswer() {
        Answer answer =
                api.send("GET", CARDS, null, Map.of("Authorization", "Bearer " + READ_WRITE, "Accept", "text/html"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().path("contact_cards").isArray()).isTrue();
    }
}
