package dev.contactcard.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.PackageVersion;
import org.junit.jupiter.api.Test;

/**
 * The suite runs twice (client-gen's POM): on the build's Jackson 2 and on the lowest one the
 * client supports. This checks that each run really has the Jackson it claims to test.
 */
class JacksonVersionTest {

    @Test
    void theSuiteRunsOnTheJacksonItIsMeantToTest() {
        String expected = System.getProperty("contactcard.expected.jackson.version");

        assertThat(expected).isNotBlank();
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .isEqualTo(expected);
        assertThat(PackageVersion.VERSION.toString()).isEqualTo(expected);
    }
}
