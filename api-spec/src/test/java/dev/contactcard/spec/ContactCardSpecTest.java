package dev.contactcard.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contactcard.spec.lint.SpecChecks;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Contact Card spec, read from the classpath location the jar ships it at, passes every check. */
@SuppressWarnings("rawtypes")
class ContactCardSpecTest {

    private static final Pattern CODE_TABLE_ROW = Pattern.compile("^\\| (\\d{3}) \\| (\\d{4}) \\|", Pattern.MULTILINE);

    private static SpecChecks spec;

    @BeforeAll
    static void loadSpec() {
        spec = SpecChecks.ofClasspath(ContactCardSpec.RESOURCE);
    }

    @Test
    void swaggerParserReadsItWithoutAnyMessage() {
        assertThat(spec.parserMessages()).isEmpty();
        assertThat(spec.openApi().getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void everyReferenceResolves() {
        assertThat(spec.danglingReferences()).isEmpty();
    }

    @Test
    void itFollowsEveryLintRule() {
        assertThat(spec.lint()).isEmpty();
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        assertThat(spec.examples()).isEmpty();
    }

    @Test
    void itDescribesTheThreeContactCardOperations() {
        Map<String, String> operations = new LinkedHashMap<>();
        spec.forEachOperation((where, operation) -> operations.put(where, operation.getOperationId()));

        assertThat(operations)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "POST /v3/contact_card", "createContactCard",
                        "GET /v3/contact_card", "getContactCards",
                        "PATCH /v3/contact_card", "updateContactCard"));
    }

    @Test
    void itNamesTheRealServiceAndTheLocalSandbox() {
        assertThat(spec.openApi().getServers())
                .extracting(server -> server.getUrl())
                .containsExactly("https://api.linqapp.com/api/partner", "http://localhost:8080/api/partner");
    }

    @Test
    void theCodeTableDocumentsTheLinqCodesWithTheirStatuses() {
        Map<String, String> table = codeTable();

        assertThat(table)
                .containsAllEntriesOf(
                        Map.of("1002", "400", "2004", "401", "2005", "403", "2014", "409", "3006", "500"));
    }

    @Test
    void everyErrorExampleUsesACodeOfTheTableWithItsStatus() {
        Map<String, String> table = codeTable();

        assertThat(errorExamples())
                .isNotEmpty()
                .allSatisfy(error -> assertThat(table.get(error.path("code").asText()))
                        .as("status of code %s in the code table", error.path("code"))
                        .isEqualTo(error.path("status").asText()));
    }

    @Test
    void everyCodeInTheTableIsExemplifiedOrExplainedAsOutsideTheOperations() {
        Set<String> exemplified = new TreeSet<>();
        errorExamples().forEach(error -> exemplified.add(error.path("code").asText()));
        // 2016/2017: requests outside the operations, explained in the table's text.
        Set<String> outsideOperations = Set.of("2016", "2017");

        assertThat(codeTable().keySet())
                .allSatisfy(code -> assertThat(exemplified.contains(code) || outsideOperations.contains(code))
                        .as("code %s has an example", code)
                        .isTrue());
    }

    @Test
    void theUpdateCanClearTheOptionalFieldsButNotTheFirstName() {
        OpenAPI api = spec.openApi();
        Map<String, Schema> update =
                api.getComponents().getSchemas().get("UpdateContactCardRequest").getProperties();

        assertThat(update.get("last_name").getNullable()).isTrue();
        assertThat(update.get("image_url").getNullable()).isTrue();
        assertThat(update.get("first_name").getNullable()).isNotEqualTo(Boolean.TRUE);
        Operation patch = api.getPaths().get("/v3/contact_card").getPatch();
        assertThat(patch.getParameters())
                .singleElement()
                .satisfies(parameter -> assertThat(parameter.getRequired()).isTrue());
    }

    /** The {@code error} object of every example of the named error responses. */
    private static List<JsonNode> errorExamples() {
        return spec.raw().path("components").path("responses").findValues("error");
    }

    private static Map<String, String> codeTable() {
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = CODE_TABLE_ROW.matcher(spec.openApi().getInfo().getDescription());
        while (row.find()) {
            table.put(row.group(2), row.group(1));
        }
        return table;
    }
}
