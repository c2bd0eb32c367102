package dev.contactcard.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Contact Card spec, read from the classpath location the jar ships it at, passes every check. */
class ContactCardSpecTest {

  private static final String RESOURCE = System.getProperty("contactcard.spec.resource", "openapi/contact-card.yaml");
  private static final Pattern CODE_TABLE_ROW = Pattern.compile("^\\| (\\d{3}) \\| (\\d{4}) \\|", Pattern.MULTILINE);

  private static SpecChecks spec;

  @BeforeAll
  static void loadSpec() {
    spec = SpecChecks.ofClasspath(RESOURCE);
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

    assertThat(operations).containsExactlyInAnyOrderEntriesOf(Map.of(
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

    assertThat(table).containsAllEntriesOf(Map.of(
        "1002", "400", "2004", "401", "2005", "403", "2014", "409", "3006", "500"));
  }

  @Test
  void everyErrorCodeTheExamplesUseIsInTheCodeTableWithTheSameStatus() {
    Map<String, String> table = codeTable();
    Map<String, String> used = new LinkedHashMap<>();
    spec.raw().path("components").path("responses").forEach(response ->
        response.path("content").forEach(media -> {
          media.path("examples").forEach(example -> record(example.path("value"), used));
          record(media.path("example"), used);
        }));

    assertThat(used).isNotEmpty();
    assertThat(table).containsAllEntriesOf(used);
  }

  @Test
  void everyCodeInTheTableIsExemplifiedOrExplainedAsOutsideTheOperations() {
    Set<String> exemplified = new TreeSet<>();
    spec.raw().path("components").path("responses").forEach(response ->
        response.path("content").forEach(media -> {
          media.path("examples").forEach(example -> exemplified.add(example.path("value").path("error").path("code").asText()));
          exemplified.add(media.path("example").path("error").path("code").asText());
        }));
    Set<String> outsideOperations = Set.of("2016", "2017");

    assertThat(codeTable().keySet())
        .allSatisfy(code -> assertThat(exemplified.contains(code) || outsideOperations.contains(code))
            .as("code %s has an example", code).isTrue());
  }

  @Test
  void theUpdateCanClearTheOptionalFieldsButNotTheFirstName() {
    OpenAPI api = spec.openApi();
    var update = api.getComponents().getSchemas().get("UpdateContactCardRequest");

    assertThat(((io.swagger.v3.oas.models.media.Schema<?>) update.getProperties().get("last_name")).getNullable()).isTrue();
    assertThat(((io.swagger.v3.oas.models.media.Schema<?>) update.getProperties().get("image_url")).getNullable()).isTrue();
    assertThat(((io.swagger.v3.oas.models.media.Schema<?>) update.getProperties().get("first_name")).getNullable()).isNotEqualTo(Boolean.TRUE);
    Operation patch = api.getPaths().get("/v3/contact_card").getPatch();
    assertThat(patch.getParameters()).singleElement()
        .satisfies(parameter -> assertThat(parameter.getRequired()).isTrue());
  }

  private static void record(com.fasterxml.jackson.databind.JsonNode example, Map<String, String> used) {
    if (example.has("error")) {
      used.put(example.path("error").path("code").asText(), example.path("error").path("status").asText());
    }
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
