package dev.contactcard.contract.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TargetTest {

    private final Target everyKey = Target.of(URI.create("https://api.example.com/api/partner/"), "rw-secret")
            .withReadOnlyKey("ro-secret")
            .withOtherPartnerKey("other-secret")
            .withEmptyPartnerKey("empty-secret")
            .withListingPartnerKey("listing-secret")
            .withFailingNumbers(NumberRange.parse("+15005550000-+15005550099"));

    @Test
    void keysAreNeverShown() {
        assertThat(everyKey.toString())
                .doesNotContain("secret")
                .contains("https://api.example.com/api/partner", "read-only key given", "+15005550000-+15005550099");
    }

    @Test
    void theBaseUrlLosesItsTrailingSlashAndKeepsItsPath() {
        assertThat(everyKey.baseUrl()).hasToString("https://api.example.com/api/partner");
        assertThat(everyKey.basePath()).isEqualTo("/api/partner");
        assertThat(Target.of(URI.create("http://127.0.0.1:8080"), "k").basePath())
                .isEmpty();
    }

    @Test
    void aBlankOptionalKeyIsNoKey() {
        assertThat(Target.of(URI.create("http://h/api"), "k")
                        .withReadOnlyKey(" ")
                        .readOnly())
                .isEmpty();
    }

    @Test
    void aBaseUrlWithoutSchemeOrHostIsRefused() {
        assertThatThrownBy(() -> Target.of(URI.create("/api/partner"), "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> Target.of(URI.create("http://h/api"), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
    }
}
