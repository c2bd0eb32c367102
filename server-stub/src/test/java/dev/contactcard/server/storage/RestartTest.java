package dev.contactcard.server.storage;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.idempotency.KeyTable;
import dev.contactcard.server.support.ReferenceProvider;
import dev.contactcard.server.support.SpecValidatingClient;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In file mode (the default), cards survive a restart of the provider, and claims on idempotency
 * keys (creates under way when the process ended) do not.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aCardCreatedBeforeARestartIsThereAfterIt() {
        try (ConfigurableApplicationContext first = start()) {
            Answer created = client(first).create(READ_WRITE, """
                    {"first_name": "John", "last_name": "Doe", "phone_number": "+15551234567"}""");
            assertThat(created.status()).isEqualTo(200);
            // a keyed create under way when the process ends
            KeyTable keys = new KeyTable(first.getBean(JdbcClient.class));
            keys.claim(PARTNER, "interrupted-create", "0".repeat(64), Instant.now());
            assertThat(keys.isClaimed(PARTNER, "interrupted-create")).isTrue();
        }
        assertThat(dataDir.resolve("contact-cards.mv.db")).exists();

        try (ConfigurableApplicationContext second = start()) {
            Answer answer = client(second).get(READ_WRITE, "+15551234567");

            assertThat(answer.json().path("contact_cards").size()).isEqualTo(1);
            assertThat(answer.json()
                            .path("contact_cards")
                            .get(0)
                            .path("last_name")
                            .asString())
                    .isEqualTo("Doe");
            assertThat(answer.json()
                            .path("contact_cards")
                            .get(0)
                            .path("is_active")
                            .asBoolean())
                    .isTrue();
            assertThat(client(second).create(READ_WRITE, """
                    {"first_name": "Jane", "phone_number": "+15551234567"}""").status())
                    .as("the restored card is still active, so a second create is refused")
                    .isEqualTo(409);
            assertThat(new KeyTable(second.getBean(JdbcClient.class)).rows(PARTNER, "interrupted-create"))
                    .as("the claim of a create that ended with its process: dropped at the start")
                    .isZero();
        }
    }

    private ConfigurableApplicationContext start() {
        assertThat(Files.isDirectory(dataDir)).isTrue();
        return ReferenceProvider.onLoopback().fileStorage(dataDir).start();
    }

    private static SpecValidatingClient client(ConfigurableApplicationContext context) {
        return new SpecValidatingClient(ReferenceProvider.port(context));
    }
}
