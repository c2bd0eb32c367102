package dev.contactcard.spec.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spec checks can fail: each broken fixture under {@code lint/} is reported with the rule it
 * breaks and where, while the valid fixture they are derived from passes.
 */
class BrokenSpecsAreReportedTest {

    @Test
    void theValidFixturePassesEveryCheck() {
        assertThat(SpecChecks.ofClasspath("lint/valid-minimal.yaml").all()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is reported as {1}")
    @CsvSource(delimiter = '|', textBlock = """
      example-violates-schema.yaml      | example-invalid: POST /things request application/json example: | /count
      missing-operation-id.yaml         | operation-id: POST /things: no operationId                        | operation-id
      dangling-ref.yaml                 | dangling-ref: #/components/responses/ServerError                  | points at nothing
      unused-component.yaml             | unused-component: #/components/schemas/Orphan                     | never referenced
      property-without-description.yaml | property-description: #/components/schemas/Thing/properties/count | no description
      missing-error-response.yaml       | error-responses: POST /things: no 403 response                    | 403
      error-outside-envelope.yaml       | error-envelope: POST /things 500                                  | ErrorResponse
      example-with-unknown-field.yaml   | example-invalid: POST /things request application/json example:   | colour
      error-example-wrong-status.yaml   | example-status: POST /things response 403                         | 401
      """)
    void aBrokenFixtureIsReported(String fixture, String expectedFinding, String detail) {
        List<String> findings = SpecChecks.ofClasspath("lint/" + fixture).all();

        assertThat(findings)
                .as("findings for %s", fixture)
                .anySatisfy(finding ->
                        assertThat(finding).startsWith(expectedFinding).contains(detail));
    }
}
