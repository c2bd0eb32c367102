package dev.contactcard.client.example;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.contactcard.client.model.ContactCard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's example lives outside the client's package, so it can use only the public API. */
class ReadmeExampleTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final String PATH = "/api/partner/v3/contact_card";

    @Test
    void theReadmeExampleCreatesReadsAndUpdatesACard() {
        String card =
                "{\"phone_number\":\"+15551234567\",\"first_name\":\"John\",\"last_name\":\"%s\",\"is_active\":true}";
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(String.format(card, "Doe"))));
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"contact_cards\":[" + String.format(card, "Doe") + "]}")));
        server.stubFor(patch(urlPathEqualTo(PATH)).willReturn(okJson(String.format(card, "Smith"))));

        ContactCard updated =
                ReadmeExample.run("http://127.0.0.1:" + server.getPort() + "/api/partner", "sandbox-rw-key");

        assertThat(updated.getLastName()).isEqualTo("Smith");
        server.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(equalToJson(
                        "{\"phone_number\":\"+15551234567\",\"first_name\":\"John\",\"last_name\":\"Doe\"}")));
        server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("phone_number", equalTo("+15551234567")));
        server.verify(patchRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer sandbox-rw-key"))
                .withRequestBody(equalToJson("{\"last_name\":\"Smith\",\"image_url\":null}")));
    }

    @Test
    void theReadmeShowsExactlyTheCompiledExample() throws IOException {
        String source = Files.readString(
                Path.of("src/test/java/dev/contactcard/client/example/ReadmeExample.java"), StandardCharsets.UTF_8);
        String example = source.substring(
                        source.indexOf("// README:begin") + "// README:begin".length(), source.indexOf("// README:end"))
                .strip();
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        assertThat(readme).contains(example);
    }
}
