package dev.contactcard.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyRegistryTest {

    @Test
    void eachKeyIsBoundToItsPartnerAndPermission() {
        ApiKeyRegistry registry = ApiKeyRegistry.parse(" k1:acme:read-write , k2:acme:READ_ONLY,k3:globex:read-only");

        assertThat(registry.authenticate("k1")).contains(new Caller("acme", Permission.READ_WRITE));
        assertThat(registry.authenticate("k2")).contains(new Caller("acme", Permission.READ_ONLY));
        assertThat(registry.authenticate("k3")).contains(new Caller("globex", Permission.READ_ONLY));
        assertThat(registry.authenticate("k4")).isEmpty();
        assertThat(registry.authenticate("K1")).isEmpty();
        assertThat(registry.authenticate("")).isEmpty();
    }

    @Test
    void theDefaultConfigurationHoldsTheDocumentedSandboxKeys() {
        ApiKeyRegistry registry = ApiKeyRegistry.parse(SandboxKeys.DEFAULT_CONFIGURATION);

        assertThat(registry.authenticate("sandbox-rw-key")).contains(new Caller("sandbox", Permission.READ_WRITE));
        assertThat(registry.authenticate("sandbox-ro-key")).contains(new Caller("sandbox", Permission.READ_ONLY));
    }

    @Test
    void aMalformedEntryFailsWithoutRevealingTheKey() {
        assertThatThrownBy(() -> ApiKeyRegistry.parse("good:acme:read-write,s3cret-key:acme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#2")
                .hasMessageNotContaining("s3cret-key");
        assertThatThrownBy(() -> ApiKeyRegistry.parse("s3cret-key:acme:admin"))
                .hasMessageContaining("admin")
                .hasMessageNotContaining("s3cret-key");
        assertThatThrownBy(() -> ApiKeyRegistry.parse("  ")).hasMessageContaining("CONTACT_CARD_API_KEYS");
    }

    @Test
    void theRegistryNeverPrintsItsKeys() {
        ApiKeyRegistry registry = ApiKeyRegistry.parse("s3cret-key:acme:read-write");

        assertThat(registry.toString()).doesNotContain("s3cret-key");
        assertThat(registry.callers()).containsExactly(new Caller("acme", Permission.READ_WRITE));
    }
}
