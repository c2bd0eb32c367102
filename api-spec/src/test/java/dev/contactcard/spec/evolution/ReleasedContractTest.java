package dev.contactcard.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.contactcard.spec.ContactCardSpec;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate on the real Contact Card contract: the frozen spec of the last release, and two edits
 * of it (made in memory, written to a temporary file) that show the gate refuses a breaking edit
 * and lets a compatible one through. Whether the spec of this build honours the release is
 * decided by the gate itself, in the verify phase (see api-spec/pom.xml).
 */
@DisplayName("The released Contact Card contract")
class ReleasedContractTest {

    private static final String BASELINE_VERSION = property("contactcard.spec.baseline.version");
    private static final Path BASELINE =
            Path.of(property("contactcard.spec.baseline.dir")).resolve("contact-card-" + BASELINE_VERSION + ".yaml");

    @TempDir
    Path dir;

    @Test
    void isFrozenAsTheBaselineOfTheLastRelease() {
        OpenAPI baseline = new OpenAPIV3Parser().read(BASELINE.toString());

        assertThat(baseline).as("a parseable spec at %s", BASELINE).isNotNull();
        assertThat(baseline.getInfo().getVersion()).isEqualTo(BASELINE_VERSION);
    }

    @Test
    void isTheVersionTheArtifactPromises() throws Exception {
        OpenAPI current = new OpenAPIV3Parser().read(currentSpec().toString());

        assertThat(ContractVersion.parse(current.getInfo().getVersion(), "info.version"))
                .as("info.version of the spec equals the artifact version without -SNAPSHOT")
                .isEqualTo(ContractVersion.ofArtifact(property("contactcard.project.version")));
    }

    @Test
    void refusesAnEditThatRemovesAResponseField() throws Exception {
        Path edited = editedSpec(spec -> contactCard(spec).getProperties().remove("last_name"));

        CompatibilityReport report = SpecCompatibilityGate.compare(BASELINE, edited);

        assertThat(report.allowed()).isFalse();
        assertThat(report.breakingChanges())
                .contains("GET /v3/contact_card response 200: response property 'contact_cards[].last_name' removed")
                .contains("PATCH /v3/contact_card response 200: response property 'last_name' removed");
    }

    @Test
    void refusesAPhoneNumberPatternNarrowedToNorthAmericaNamingEveryPlaceAndBothPatterns() throws Exception {
        Path edited = editedSpec(
                spec -> spec.getComponents().getSchemas().get("PhoneNumber").setPattern("^\\+1\\d{10}$"));

        CompatibilityReport report = SpecCompatibilityGate.compare(BASELINE, edited);

        String change = "pattern changed: '^\\+[1-9]\\d{1,14}$' → '^\\+1\\d{10}$'";
        assertThat(report.allowed()).isFalse();
        assertThat(report.breakingChanges())
                .contains("POST /v3/contact_card request body: property 'phone_number' " + change)
                .contains("GET /v3/contact_card: query parameter 'phone_number' " + change)
                .contains("PATCH /v3/contact_card: query parameter 'phone_number' " + change)
                .noneSatisfy(line -> assertThat(line).contains("does not locate"));
        assertThat(report.failureMessage())
                .contains("  - POST /v3/contact_card request body: property 'phone_number' " + change);
        assertThat(report.toMarkdown(BASELINE.getFileName().toString()))
                .contains("- POST /v3/contact_card request body: property 'phone_number' " + change);
    }

    @Test
    void refusesAFirstNameMaxLengthLoweredNamingThePropertyAndBothValues() throws Exception {
        Path edited = editedSpec(spec -> {
            Schema<?> create = spec.getComponents().getSchemas().get("CreateContactCardRequest");
            ((Schema<?>) create.getProperties().get("first_name")).setMaxLength(50);
        });

        CompatibilityReport report = SpecCompatibilityGate.compare(BASELINE, edited);

        assertThat(report.allowed()).isFalse();
        assertThat(report.breakingChanges())
                .containsExactly(
                        "POST /v3/contact_card request body: property 'first_name' maxLength changed: 100 → 50");
    }

    @Test
    void acceptsAnEditThatAddsAnOptionalResponseField() throws Exception {
        Path edited = editedSpec(spec -> contactCard(spec).addProperty("nickname", new StringSchema()));

        CompatibilityReport report = SpecCompatibilityGate.compare(BASELINE, edited);

        assertThat(report.changed()).isTrue();
        assertThat(report.breakingChanges()).isEmpty();
        assertThat(report.allowed()).isTrue();
        assertThat(report.toMarkdown(BASELINE.getFileName().toString())).contains("nickname");
    }

    /**
     * The spec of this build as a YAML tool writes it back (every string double-quoted, other
     * line breaks): the same meaning, so the gate's verdict is the same as on the spec itself.
     */
    @Test
    void judgesTheSpecByItsMeaningNotItsLayout() throws Exception {
        YAMLMapper yaml = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .build();
        Path rewritten = dir.resolve("rewritten-contact-card.yaml");
        Files.writeString(
                rewritten, yaml.writeValueAsString(yaml.readTree(currentSpec().toFile())));
        assertThat(Files.readString(rewritten)).as("rewritten").contains("pattern: \"");

        CompatibilityReport asWritten = SpecCompatibilityGate.compare(BASELINE, currentSpec());
        CompatibilityReport asRewritten = SpecCompatibilityGate.compare(BASELINE, rewritten);

        assertThat(asRewritten.allowed()).isEqualTo(asWritten.allowed()).isTrue();
        assertThat(asRewritten.breakingChanges()).isEqualTo(asWritten.breakingChanges());
    }

    private static Schema<?> contactCard(OpenAPI spec) {
        return spec.getComponents().getSchemas().get("ContactCard");
    }

    /** The released spec with one edit, written to a temporary file. */
    private Path editedSpec(Consumer<OpenAPI> edit) throws Exception {
        OpenAPI spec = new OpenAPIV3Parser().read(BASELINE.toString());
        edit.accept(spec);
        Path file = dir.resolve("edited-contact-card.yaml");
        Files.writeString(file, Yaml.pretty(spec), StandardCharsets.UTF_8);
        return file;
    }

    private static Path currentSpec() throws Exception {
        return Path.of(ContactCardSpec.url().toURI());
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set (api-spec/pom.xml, Surefire)");
        }
        return value;
    }
}
