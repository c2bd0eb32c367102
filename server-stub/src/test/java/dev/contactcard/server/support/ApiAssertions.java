package dev.contactcard.server.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the provider's answers, shared by the API tests. */
public final class ApiAssertions {

    private ApiAssertions() {}

    /**
     * The answer is the spec's error envelope with this HTTP status and code: JSON,
     * {@code error.status} repeating the HTTP status, {@code error.code}, and {@code success: false}.
     */
    public static void assertError(HttpAnswer answer, int status, int code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("Content-Type").startsWith("application/json");
        assertThat(answer.errorCode()).as(answer.body()).isEqualTo(code);
        assertThat(answer.json().path("error").path("status").asInt())
                .as("error.status")
                .isEqualTo(status);
        assertThat(answer.json().path("success").asBoolean(true)).as("success").isFalse();
    }
}
