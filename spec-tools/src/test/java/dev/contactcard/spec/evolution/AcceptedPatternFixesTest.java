package dev.contactcard.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pattern change is breaking for the gate unless a fixes file beside the baseline declares it,
 * with its reason; a declaration excuses exactly that change and nothing else.
 */
@DisplayName("Accepted pattern fixes")
class AcceptedPatternFixesTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: t, version: 1.0.0}
            paths:
              /x:
                post:
                  operationId: x
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            name: {type: string, pattern: '%s'}
                  responses:
                    '200': {description: ok}
            """;

    @TempDir
    Path dir;

    @Test
    void anUndeclaredPatternChangeIsBreaking() throws Exception {
        Path baseline = spec("baseline.yaml", "^a+$");
        Path current = spec("current.yaml", "^a+(?![\\s\\S])");

        CompatibilityReport report = SpecCompatibilityGate.compare(baseline, current);

        assertThat(report.breakingChanges()).hasSize(1);
        assertThat(report.allowed()).isFalse();
    }

    @Test
    void aDeclaredPatternFixIsAcceptedAndNamedInTheChangelog() throws Exception {
        Path baseline = spec("baseline.yaml", "^a+$");
        Path current = spec("current.yaml", "^a+(?![\\s\\S])");
        fixes("baseline", "^a+$", "^a+(?![\\s\\S])");

        CompatibilityReport report = SpecCompatibilityGate.compare(baseline, current);

        assertThat(report.breakingChanges()).isEmpty();
        assertThat(report.allowed()).isTrue();
        assertThat(AcceptedPatternFixes.besides(baseline).toMarkdown())
                .contains("`^a+$` is now `^a+(?![\\s\\S])`: the same rule, read alike everywhere");
    }

    /** The spec as a YAML tool rewrites it: the pattern double-quoted, its backslashes escaped. */
    @Test
    void aDeclaredFixIsAcceptedHoweverTheSpecQuotesThePattern() throws Exception {
        Path baseline = spec("baseline.yaml", "^a+$");
        Path current = Files.writeString(
                dir.resolve("current.yaml"),
                SPEC.replace("'%s'", "\"%s\"").formatted("^a+(?![\\\\s\\\\S])"),
                StandardCharsets.UTF_8);
        assertThat(Files.readString(current)).contains("pattern: \"^a+(?![\\\\s\\\\S])\"");
        fixes("baseline", "^a+$", "^a+(?![\\s\\S])");

        CompatibilityReport report = SpecCompatibilityGate.compare(baseline, current);

        assertThat(report.breakingChanges()).isEmpty();
        assertThat(report.allowed()).isTrue();
    }

    @Test
    void aDeclarationDoesNotExcuseAnotherChangeOfThatPattern() throws Exception {
        Path baseline = spec("baseline.yaml", "^a+$");
        Path current = spec("current.yaml", "^b+$");
        fixes("baseline", "^a+$", "^a+(?![\\s\\S])");

        CompatibilityReport report = SpecCompatibilityGate.compare(baseline, current);

        assertThat(report.breakingChanges()).hasSize(1);
    }

    @Test
    void aDeclarationOfAPatternTheBaselineDoesNotHaveFailsTheGate() throws Exception {
        Path baseline = spec("baseline.yaml", "^a+$");
        Path current = spec("current.yaml", "^a+$");
        fixes("baseline", "^z+$", "^a+$");

        assertThatThrownBy(() -> SpecCompatibilityGate.compare(baseline, current))
                .isInstanceOf(GateFailure.class)
                .hasMessageContaining("^z+$");
    }

    private Path spec(String name, String pattern) throws Exception {
        return Files.writeString(dir.resolve(name), SPEC.formatted(pattern), StandardCharsets.UTF_8);
    }

    private void fixes(String baselineName, String was, String now) throws Exception {
        Files.writeString(dir.resolve(baselineName + ".fixes.yaml"), """
                patterns:
                  - was: '%s'
                    now: '%s'
                    why: the same rule, read alike everywhere
                """.formatted(was, now), StandardCharsets.UTF_8);
    }
}
