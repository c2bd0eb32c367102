package dev.contactcard.contract.verifier.generative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.contract.verifier.Spec;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The codes the generative checks' {@link CodeTable} gives broken rules are the spec's own 400 codes. */
class CodeTableTest {

    @Test
    void everyCodeTheSuiteExpectsIsA400RowOfTheSpecsTable() {
        // The table in the parsed spec's description: any layout of the YAML reads the same.
        Matcher rows = Pattern.compile("\\|\\s*400\\s*\\|\\s*(\\d{4})\\s*\\|")
                .matcher(Spec.contactCard().model().getInfo().getDescription());
        List<Integer> badRequestCodes =
                rows.results().map(row -> Integer.parseInt(row.group(1))).toList();

        assertThat(badRequestCodes)
                .containsExactlyInAnyOrder(
                        CodeTable.MALFORMED,
                        CodeTable.PHONE_NUMBER,
                        CodeTable.REQUIRED_OR_BLANK,
                        CodeTable.TOO_LONG,
                        CodeTable.IMAGE_URL);
    }

    @Test
    void aSchemaRuleTheTableDoesNotCoverCannotBeJudged() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> CodeTable.codeFor("validation.request.body.schema.enum", "enum", "first_name"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("enum");
    }
}
