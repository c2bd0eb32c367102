package dev.contactcard.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A backward-incompatible change to the spec")
class BreakingChangesFailTheGateTest {

    @ParameterizedTest(name = "{0} fails the gate, naming: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        breaking-request-field-made-required  | POST /widgets request body: property 'nickname' is now required in the request
        breaking-response-field-removed       | POST /widgets response 200: response property 'nickname' removed
        breaking-response-field-removed       | GET /widgets response 200: response property 'widgets[].nickname' removed
        breaking-type-changed                 | POST /widgets response 200: property 'size' type changed from integer/int32 to string
        breaking-enum-value-removed           | POST /widgets request body: property 'shape' enum value(s) removed: [square] (enum [round, square] → [round])
        breaking-operation-removed            | DELETE /widgets/{id}: operation removed
        breaking-new-required-query-parameter | GET /widgets: new required query parameter 'owner'
        """)
    void failsTheGateWithAMessageNamingTheChange(String fixture, String namedChange) {
        CompatibilityReport report = Fixtures.baseChangedTo(fixture);

        assertThat(report.allowed()).isFalse();
        assertThat(report.breakingChanges()).contains(namedChange);
        assertThat(report.failureMessage())
                .contains("breaks backward compatibility with release 1.0.0")
                .contains("  - " + namedChange)
                .contains("release it as 2.0.0");
        assertThat(report.minimumReleaseVersion()).hasToString("2.0.0");
    }

    @ParameterizedTest(name = "{0} fails the gate, naming: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        breaking-narrowed-pattern                 | POST /widgets request body: property 'phone' pattern changed: '^\\+[1-9]\\d{1,14}$' → '^\\+1\\d{10}$'
        breaking-narrowed-query-parameter-pattern | GET /widgets: query parameter 'owner' pattern changed: '^\\+[1-9]\\d{1,14}$' → '^\\+1\\d{10}$'
        breaking-narrowed-max-length              | POST /widgets request body: property 'name' maxLength changed: 100 → 50
        breaking-narrowed-min-length              | POST /widgets request body: property 'name' minLength changed: 1 → 3
        breaking-narrowed-numeric-range           | POST /widgets request body: property 'size' minimum changed: 1 → 2
        breaking-narrowed-numeric-range           | POST /widgets request body: property 'size' maximum changed: 10 → 5
        breaking-narrowed-enum                    | POST /widgets request body: property 'shape' enum value(s) removed: [square] (enum [round, square] → [round])
        """)
    void aNarrowedConstraintFailsTheGateNamingThePathAndTheOldAndNewValue(String fixture, String namedChange) {
        CompatibilityReport report = Fixtures.changed("constrained-base", fixture);

        assertThat(report.allowed()).isFalse();
        assertThat(report.breakingChanges())
                .contains(namedChange)
                .noneSatisfy(change -> assertThat(change).contains("does not locate"));
        assertThat(report.failureMessage()).contains("  - " + namedChange);
        assertThat(report.toMarkdown("constrained-base.yaml"))
                .contains("| Verdict | **breaking: the build fails** |")
                .contains("- " + namedChange);
    }

    @Test
    void stopsTheBuildAndStillWritesTheChangelog(@TempDir Path dir) throws Exception {
        Path changelog = dir.resolve("spec-changelog.md");

        assertThatThrownBy(() -> SpecCompatibilityGate.main(new String[] {
                    Fixtures.base().toString(), "1.0.0",
                    Fixtures.fixture("breaking-new-required-query-parameter").toString(), "1.0.0-SNAPSHOT",
                    changelog.toString()
                }))
                .isInstanceOf(GateFailure.class)
                .hasMessageContaining("GET /widgets: new required query parameter 'owner'");

        assertThat(Files.readString(changelog))
                .contains("| Verdict | **breaking: the build fails** |")
                .contains("## Breaking changes")
                .contains("- GET /widgets: new required query parameter 'owner'");
    }

    @Test
    void thatOpenApiDiffCallsCompatibleIsStillBreakingInTheChangelog() {
        CompatibilityReport report = Fixtures.baseChangedTo("breaking-response-field-removed");

        assertThat(report.diff().isIncompatible())
                .as("openapi-diff 2.1's own verdict")
                .isFalse();
        assertThat(report.toMarkdown("base.yaml"))
                .contains("| Verdict | **breaking: the build fails** |")
                .contains("does not count a removed response property");
    }

    @Test
    void isAllowedWhenTheMajorVersionWasRaised(@TempDir Path dir) throws Exception {
        CompatibilityReport report = Fixtures.baseChangedTo("breaking-operation-removed-in-2.0.0");
        assertThat(report.breakingChanges()).containsExactly("DELETE /widgets/{id}: operation removed");
        assertThat(report.majorRaised()).isTrue();
        assertThat(report.allowed()).isTrue();

        Path changelog = dir.resolve("spec-changelog.md");
        SpecCompatibilityGate.main(new String[] {
            Fixtures.base().toString(), "1.0.0",
            Fixtures.fixture("breaking-operation-removed-in-2.0.0").toString(), "2.0.0-SNAPSHOT",
            changelog.toString()
        });
        assertThat(Files.readString(changelog))
                .contains("| Verdict | breaking, allowed by the new major version |")
                .contains("- DELETE /widgets/{id}: operation removed");
    }
}
