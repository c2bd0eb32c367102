package dev.contactcard.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A backward-compatible change to the spec")
class CompatibleChangesPassTheGateTest {

    @ParameterizedTest(name = "{0} passes the gate and asks for a minor release")
    @ValueSource(
            strings = {
                "compatible-new-optional-response-field",
                "compatible-new-optional-request-field",
                "compatible-new-operation",
            })
    void passesTheGateAndAsksForAMinorRelease(String fixture) {
        CompatibilityReport report = Fixtures.baseChangedTo(fixture);

        assertThat(report.changed()).as("the differ sees the change").isTrue();
        assertThat(report.breakingChanges()).isEmpty();
        assertThat(report.allowed()).isTrue();
        assertThat(report.minimumReleaseVersion()).hasToString("1.1.0");
    }

    @Test
    void thatOnlyTouchesTheDocumentationAsksForAPatchRelease() {
        CompatibilityReport report = Fixtures.baseChangedTo("documentation-description-added");

        assertThat(report.changed()).isTrue();
        assertThat(report.allowed()).isTrue();
        assertThat(report.minimumReleaseVersion()).hasToString("1.0.1");
    }

    @Test
    void noChangeAtAllAsksForNoRelease() {
        CompatibilityReport report = Fixtures.baseChangedTo("base");

        assertThat(report.changed()).isFalse();
        assertThat(report.allowed()).isTrue();
        assertThat(report.minimumReleaseVersion()).hasToString("1.0.0");
        assertThat(report.toMarkdown("base.yaml")).contains("| Verdict | unchanged |");
    }

    @Test
    void isListedInTheChangelogByName() {
        String changelog = Fixtures.baseChangedTo("compatible-new-operation").toMarkdown("base.yaml");

        assertThat(changelog)
                .contains("| Verdict | backward compatible (minor) |")
                .contains("What's New")
                .contains("/widgets/{id}")
                .doesNotContain("## Breaking changes");
    }
}
