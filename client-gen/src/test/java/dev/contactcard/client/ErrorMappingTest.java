package dev.contactcard.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.contactcard.client.Fixtures.PATH;
import static dev.contactcard.client.Fixtures.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.contactcard.client.model.CreateContactCardRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {

    @RegisterExtension
    static WireMockExtension server = Fixtures.wireMock();

    /** No retries here: this test is about the mapping, RetryTest about retrying. */
    private ContactCardServiceException failureFor(int status, String body) {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "req-42")
                        .withBody(body)));
        ContactCardClient client = Fixtures.builder(server, new Fixtures.RecordingSleeper())
                .maxRetries(0)
                .build();
        return catchThrowableOfType(
                ContactCardServiceException.class,
                () -> client.create(
                        new CreateContactCardRequest().phoneNumber(PHONE).firstName("John")));
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, 1002, "Phone number must be in E.164 format", BadRequestException.class),
                Arguments.of(
                        401,
                        2004,
                        "Unauthorized - missing or invalid authentication token",
                        UnauthorizedException.class),
                Arguments.of(
                        403,
                        2005,
                        "Access denied - insufficient permissions for this resource",
                        PermissionDeniedException.class),
                Arguments.of(404, 2013, "No active contact card exists for this phone number", NotFoundException.class),
                Arguments.of(
                        409,
                        2014,
                        "An active contact card already exists for this phone number",
                        ConflictException.class),
                Arguments.of(422, 1999, "Unprocessable", UnprocessableEntityException.class),
                Arguments.of(429, 2999, "Too many requests", RateLimitException.class),
                Arguments.of(500, 3006, "Internal server error", InternalServerException.class),
                Arguments.of(503, 3007, "Service unavailable", InternalServerException.class),
                Arguments.of(405, 2017, "Method not allowed", UnexpectedStatusCodeException.class),
                Arguments.of(
                        413, 2018, "Request body must not exceed 16384 bytes", UnexpectedStatusCodeException.class),
                Arguments.of(415, 2019, "Content-Type must be application/json", UnexpectedStatusCodeException.class));
    }

    @ParameterizedTest(name = "HTTP {0} becomes {3}")
    @MethodSource("statuses")
    void eachErrorStatusBecomesItsOwnExceptionWithTheApiCodeAndMessage(
            int status, int code, String message, Class<? extends ContactCardServiceException> type) {
        ContactCardServiceException e = failureFor(status, Fixtures.errorJson(status, code, message));

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.errorCode()).hasValue(code);
        assertThat(e.errorMessage()).contains(message);
        assertThat(e.getMessage()).isEqualTo("HTTP " + status + " (code " + code + "): " + message);
        assertThat(e.header("x-request-id")).contains("req-42");
        assertThat(e.headers()).containsKey("X-Request-Id");
        assertThat(e.body()).contains("\"code\":" + code);
    }

    static Stream<Arguments> bodiesThatAreNotTheEnvelope() {
        String notTheEnvelope = "HTTP %d: response is not the API's error envelope: ";
        return Stream.of(
                Arguments.of(
                        502,
                        "<html><body>Bad gateway</body></html>",
                        InternalServerException.class,
                        String.format(notTheEnvelope, 502) + "<html><body>Bad gateway</body></html>"),
                Arguments.of(
                        400,
                        "{\"detail\":\"nope\"}",
                        BadRequestException.class,
                        String.format(notTheEnvelope, 400) + "{\"detail\":\"nope\"}"),
                Arguments.of(
                        409,
                        "{\"error\":\"exists\"}",
                        ConflictException.class,
                        String.format(notTheEnvelope, 409) + "{\"error\":\"exists\"}"),
                Arguments.of(500, "null", InternalServerException.class, String.format(notTheEnvelope, 500) + "null"),
                Arguments.of(403, "", PermissionDeniedException.class, "HTTP 403: empty response body"));
    }

    @ParameterizedTest(name = "HTTP {0} with body [{1}]")
    @MethodSource("bodiesThatAreNotTheEnvelope")
    void aBodyThatIsNotTheEnvelopeStillGivesTheStatusTheRawBodyAndAMessage(
            int status, String body, Class<? extends ContactCardServiceException> type, String message) {
        ContactCardServiceException e = failureFor(status, body);

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.errorCode()).isEmpty();
        assertThat(e.errorMessage()).isEmpty();
        assertThat(e.body()).isEqualTo(body);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void anErrorEnvelopeWithNewFieldsStillGivesItsCodeAndMessage() {
        ContactCardServiceException e = failureFor(
                409,
                "{\"request_id\":\"req-42\",\"error\":{\"status\":409,\"code\":2014,\"message\":\"exists\","
                        + "\"docs\":\"https://docs.example/2014\"},\"success\":false}");

        assertThat(e).isExactlyInstanceOf(ConflictException.class);
        assertThat(e.errorCode()).hasValue(2014);
        assertThat(e.errorMessage()).contains("exists");
    }

    @Test
    void everyServiceExceptionIsAContactCardException() {
        assertThat(failureFor(409, Fixtures.errorJson(409, 2014, "exists")))
                .isInstanceOf(ContactCardException.class)
                .isInstanceOf(RuntimeException.class);
    }
}
