package dev.contactcard.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.contactcard.client.Fixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Surefire runs this JVM with LINQ_API_V3_API_KEY=key-from-environment and
 * LINQ_API_V3_BASE_URL=http://127.0.0.1:9/from-environment (see the module POM).
 */
class ConfigurationTest {

    @RegisterExtension
    static WireMockExtension server = Fixtures.wireMock();

    private static UnaryOperator<String> lookup(Map<String, String> values) {
        return values::get;
    }

    /** Lists the cards with the client and returns the Authorization header the server received. */
    private static String authorizationSentBy(ContactCardClient client) {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"contact_cards\":[]}")));
        client.list();
        return server.findAll(getRequestedFor(urlPathEqualTo(PATH))).get(0).getHeader("Authorization");
    }

    @AfterEach
    void clearSystemProperties() {
        System.clearProperty(ContactCardClient.API_KEY_PROPERTY);
        System.clearProperty(ContactCardClient.BASE_URL_PROPERTY);
    }

    @Test
    void fromEnvReadsTheRealEnvironment() {
        System.setProperty(ContactCardClient.BASE_URL_PROPERTY, Fixtures.baseUrl(server));

        assertThat(authorizationSentBy(ContactCardClient.fromEnv())).isEqualTo("Bearer key-from-environment");
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        System.setProperty(ContactCardClient.API_KEY_PROPERTY, "key-from-property");
        System.setProperty(ContactCardClient.BASE_URL_PROPERTY, Fixtures.baseUrl(server));

        ContactCardClient client = ContactCardClient.fromEnv();

        assertThat(client.baseUrl()).isEqualTo(Fixtures.baseUrl(server));
        assertThat(authorizationSentBy(client)).isEqualTo("Bearer key-from-property");
    }

    @Test
    void theEnvironmentIsUsedWhenNoSystemPropertyIsSet() {
        assertThat(ContactCardClient.fromEnv().baseUrl()).isEqualTo("http://127.0.0.1:9/from-environment");
    }

    @Test
    void aBuilderSetterAfterFromEnvWinsOverBoth() {
        System.setProperty(ContactCardClient.BASE_URL_PROPERTY, "http://127.0.0.1:9/from-property");

        ContactCardClient client = ContactCardClient.builder()
                .fromEnv()
                .baseUrl("http://127.0.0.1:9/from-builder")
                .build();

        assertThat(client.baseUrl()).isEqualTo("http://127.0.0.1:9/from-builder");
    }

    @Test
    void blankValuesCountAsUnset() {
        ContactCardClient client = ContactCardClient.builder()
                .fromEnv(
                        lookup(Map.of(ContactCardClient.BASE_URL_PROPERTY, "  ")),
                        lookup(Map.of(
                                ContactCardClient.API_KEY_ENV,
                                "k",
                                ContactCardClient.BASE_URL_ENV,
                                "http://127.0.0.1:9/env")))
                .build();

        assertThat(client.baseUrl()).isEqualTo("http://127.0.0.1:9/env");
    }

    @Test
    void withNothingSetTheBaseUrlIsTheRealApi() {
        ContactCardClient client = ContactCardClient.builder()
                .fromEnv(lookup(Map.of()), lookup(Map.of(ContactCardClient.API_KEY_ENV, "k")))
                .build();

        assertThat(client.baseUrl()).isEqualTo("https://api.linqapp.com/api/partner");
    }

    @Test
    void aMissingKeyFailsAtBuildNamingEveryWayToSetIt() {
        ContactCardClient.Builder builder = ContactCardClient.builder().fromEnv(lookup(Map.of()), lookup(Map.of()));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No API key")
                .hasMessageContaining("apiKey(")
                .hasMessageContaining("linq.apiKey")
                .hasMessageContaining("LINQ_API_V3_API_KEY");
    }

    @Test
    void aBlankKeyIsAMissingKey() {
        assertThatThrownBy(() -> ContactCardClient.builder().apiKey("   ").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No API key");
    }

    @ParameterizedTest(name = "[{index}] a key with a space, a control or a non-ASCII character")
    @ValueSource(strings = {"sk-test 7f3c", "sk-test\n7f3c", "sk-test\u00017f3c", "sk-t\u00e9st-7f3c"})
    void aKeyTheHeaderCannotCarryIsRefusedAtBuildWithoutShowingIt(String key) {
        assertThatThrownBy(() -> ContactCardClient.builder().apiKey(key).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("printable ASCII")
                .hasMessageNotContaining("7f3c");
    }

    @Test
    void surroundingWhitespaceOfTheKeyIsDropped() {
        ContactCardClient client = ContactCardClient.builder()
                .baseUrl(Fixtures.baseUrl(server))
                .apiKey(" key-from-file\r\n")
                .build();

        assertThat(authorizationSentBy(client)).isEqualTo("Bearer key-from-file");
    }

    @Test
    void trailingSlashesOnTheBaseUrlAreDropped() {
        assertThat(ContactCardClient.builder()
                        .apiKey("k")
                        .baseUrl("http://127.0.0.1:8080/api/partner//")
                        .build()
                        .baseUrl())
                .isEqualTo("http://127.0.0.1:8080/api/partner");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRefusedAtBuild() {
        assertThatThrownBy(() -> ContactCardClient.builder()
                        .apiKey("k")
                        .baseUrl("ftp://example/x")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http or https URL");
        assertThatThrownBy(() -> ContactCardClient.builder()
                        .apiKey("k")
                        .baseUrl("localhost:8080")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonsensicalSettingsAreRefusedAtOnce() {
        assertThatThrownBy(() -> ContactCardClient.builder().maxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactCardClient.builder().readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactCardClient.builder().connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
