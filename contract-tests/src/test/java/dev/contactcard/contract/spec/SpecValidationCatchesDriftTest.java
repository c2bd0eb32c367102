package dev.contactcard.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.contract.verifier.pact.PactSpecValidator;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pact-against-spec check bites: hand-written pacts under {@code drift-pacts/} that drift
 * from the spec are each reported with the interaction and the rule broken, while the conforming
 * control pact passes.
 */
class SpecValidationCatchesDriftTest {

    private final PactSpecValidator validator = PactSpecValidator.forContactCardSpec();

    @Test
    void aConformingPactPasses() {
        assertThat(validator.validate(fixture("conforming.json"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is reported")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      wrong-type.json               | 'a create of a new card succeeds' (given no card exists for the number {phone_number=+15551234567}): response 200 | validation.response.body.schema.type: [Path '/is_active']
      renamed-field.json            | 'a create of a new card succeeds'                                                                                 | validation.response.body.schema.required: Object has missing required properties (["is_active"])
      undocumented-status.json      | 'a create of a new card succeeds'                                                                                 | validation.response.status.unknown
      error-outside-envelope.json   | 'a create for a number with an active card is refused'                                                            | validation.response.body.schema.required: Object has missing required properties (["error","success"])
      invalid-request-accepted.json | 'a create of a new card succeeds'                                                                                 | request: validation.request.body.schema.required: Object has missing required properties (["first_name"])
      valid-request-rejected.json   | 'a get with a valid number is rejected'                                                                           | request: the pact expects 400 but the spec accepts this request
      """)
    void aDriftingPactIsReported(String fixture, String interaction, String rule) {
        List<String> findings = validator.validate(fixture(fixture));

        assertThat(findings)
                .as("findings for %s", fixture)
                .isNotEmpty()
                .allSatisfy(finding -> assertThat(finding).startsWith(fixture + ": "))
                .anySatisfy(finding -> assertThat(finding).contains(interaction).contains(rule));
    }

    private static File fixture(String name) {
        try {
            return new File(SpecValidationCatchesDriftTest.class
                    .getResource("/drift-pacts/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
