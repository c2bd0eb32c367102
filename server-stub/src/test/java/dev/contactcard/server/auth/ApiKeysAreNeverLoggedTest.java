package dev.contactcard.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.ReferenceProvider;
import dev.contactcard.server.support.SpecValidatingClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Configured keys, and keys presented in requests, appear nowhere in the provider's output. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysAreNeverLoggedTest {

    private static final String READ_WRITE_KEY = "s3cret-rw-key-4711";
    private static final String READ_ONLY_KEY = "s3cret-ro-key-4712";
    private static final String WRONG_KEY = "s3cret-wrong-key-4713";

    @Test
    void neitherConfiguredNorPresentedKeysAreLoggedAtStartupOrWhileServing(CapturedOutput output) {
        try (ConfigurableApplicationContext app = ReferenceProvider.onLoopback()
                .keys(READ_WRITE_KEY + ":acme:read-write," + READ_ONLY_KEY + ":acme:read-only")
                .start()) {
            SpecValidatingClient api = new SpecValidatingClient(ReferenceProvider.port(app));

            assertThat(api.create(READ_WRITE_KEY, "{\"first_name\": \"John\", \"phone_number\": \"+15551234567\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.create(READ_ONLY_KEY, "{\"first_name\": \"John\", \"phone_number\": \"+15557654321\"}")
                            .status())
                    .isEqualTo(403);
            assertThat(api.list(WRONG_KEY).status()).isEqualTo(401);
            assertThat(api.send("GET", SpecValidatingClient.CARDS, null, Map.of("Authorization", "Basic " + WRONG_KEY))
                            .status())
                    .isEqualTo(401);
        }

        assertThat(output.getAll())
                .contains("API key configured for partner 'acme' (READ_WRITE)")
                .doesNotContain(READ_WRITE_KEY, READ_ONLY_KEY, WRONG_KEY, "s3cret");
    }
}
