package dev.contactcard.spec.lint;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks the build runs on an OpenAPI document: parsing, lint rules and example validation.
 *
 * <p>Each check returns findings as {@code "<rule>: <where>: <what>"}; an empty list means the
 * document passes. The same checks run on the real spec and on the broken fixtures, which is how
 * the build shows that they can fail.
 */
public final class SpecChecks {

    public static final String ERROR_ENVELOPE_REF = "#/components/schemas/ErrorResponse";
    public static final List<String> REQUIRED_ERROR_STATUSES = List.of("400", "401", "403", "500");
    private static final List<String> COMPONENT_KINDS =
            List.of("schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks");

    private final JsonNode raw;
    private final SwaggerParseResult parsed;

    private SpecChecks(String source) {
        try {
            this.raw = Yaml.mapper().readTree(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        this.parsed = new OpenAPIV3Parser().readContents(source, null, options);
    }

    public static SpecChecks ofClasspath(String resource) {
        try (InputStream in = SpecChecks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No spec on the classpath at " + resource);
            }
            return new SpecChecks(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OpenAPI openApi() {
        return parsed.getOpenAPI();
    }

    public JsonNode raw() {
        return raw;
    }

    /**
     * Swagger Parser's own messages (syntax and structure). It does not report a local {@code $ref}
     * that points at nothing, so {@link #danglingReferences()} does.
     */
    public List<String> parserMessages() {
        List<String> messages = parsed.getMessages();
        return messages == null
                ? List.of()
                : messages.stream().map(m -> "parser: " + m).toList();
    }

    /** Every check: parser messages, lint rules and example validation. */
    public List<String> all() {
        List<String> findings = new ArrayList<>(parserMessages());
        findings.addAll(danglingReferences());
        if (openApi() != null) {
            findings.addAll(lint());
            findings.addAll(examples());
        }
        return findings;
    }

    // ---------------------------------------------------------------- references

    /** Every local {@code $ref} must point at a node of the document. */
    public List<String> danglingReferences() {
        List<String> findings = new ArrayList<>();
        for (String ref : references(raw)) {
            if (ref.startsWith("#/")
                    && raw.at(JsonPointer.compile(ref.substring(1))).isMissingNode()) {
                findings.add("dangling-ref: " + ref + ": points at nothing");
            }
        }
        return findings;
    }

    private static Set<String> references(JsonNode node) {
        return new TreeSet<>(node.findValuesAsText("$ref"));
    }

    // ---------------------------------------------------------------- lint

    /** The project's lint rules. */
    public List<String> lint() {
        List<String> findings = new ArrayList<>();
        OpenAPI api = openApi();
        Set<String> definedTags = new LinkedHashSet<>();
        if (api.getTags() != null) {
            api.getTags().forEach(tag -> definedTags.add(tag.getName()));
        }
        Set<String> operationIds = new LinkedHashSet<>();
        forEachOperation((where, operation) -> {
            if (blank(operation.getOperationId())) {
                findings.add("operation-id: " + where + ": no operationId");
            } else if (!operationIds.add(operation.getOperationId())) {
                findings.add(
                        "operation-id: " + where + ": operationId " + operation.getOperationId() + " is used twice");
            }
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                findings.add("operation-tag: " + where + ": no tag");
            } else {
                operation.getTags().stream()
                        .filter(tag -> !definedTags.contains(tag))
                        .forEach(tag ->
                                findings.add("operation-tag: " + where + ": tag " + tag + " is not defined in tags"));
            }
            if (blank(operation.getSummary())) {
                findings.add("operation-summary: " + where + ": no summary");
            }
            if (blank(operation.getDescription())) {
                findings.add("operation-description: " + where + ": no description");
            }
            if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                findings.add("operation-security: " + where + ": no security requirement");
            }
            Map<String, ApiResponse> responses = operation.getResponses() == null ? Map.of() : operation.getResponses();
            for (String status : REQUIRED_ERROR_STATUSES) {
                if (!responses.containsKey(status)) {
                    findings.add("error-responses: " + where + ": no " + status + " response");
                }
            }
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    String envelope = errorSchemaRef(response);
                    if (!ERROR_ENVELOPE_REF.equals(envelope)) {
                        findings.add("error-envelope: " + where + " " + status + ": does not answer "
                                + ERROR_ENVELOPE_REF + " as application/json (found " + envelope + ")");
                    }
                }
            });
        });
        findings.addAll(propertyDescriptions());
        findings.addAll(unusedComponents());
        return findings;
    }

    private String errorSchemaRef(ApiResponse response) {
        ApiResponse resolved = resolve(response);
        if (resolved == null || resolved.getContent() == null) {
            return null;
        }
        MediaType json = resolved.getContent().get("application/json");
        return json == null || json.getSchema() == null
                ? null
                : json.getSchema().get$ref();
    }

    private List<String> propertyDescriptions() {
        List<String> findings = new ArrayList<>();
        Map<String, Schema> schemas = componentSchemas();
        schemas.forEach((name, schema) -> checkPropertyDescriptions("#/components/schemas/" + name, schema, findings));
        return findings;
    }

    @SuppressWarnings("rawtypes")
    private void checkPropertyDescriptions(String where, Schema schema, List<String> findings) {
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = schema.getProperties();
            properties.forEach((name, property) -> {
                String propertyWhere = where + "/properties/" + name;
                Schema described = property.get$ref() == null ? property : resolveSchema(property.get$ref());
                if (described == null || blank(described.getDescription())) {
                    findings.add("property-description: " + propertyWhere + ": no description");
                }
                if (property.get$ref() == null) {
                    checkPropertyDescriptions(propertyWhere, property, findings);
                }
            });
        }
        if (schema.getItems() != null && schema.getItems().get$ref() == null) {
            checkPropertyDescriptions(where + "/items", schema.getItems(), findings);
        }
    }

    private List<String> unusedComponents() {
        List<String> findings = new ArrayList<>();
        Set<String> refs = references(raw);
        JsonNode components = raw.path("components");
        for (String kind : COMPONENT_KINDS) {
            components.path(kind).fieldNames().forEachRemaining(name -> {
                String pointer = "#/components/" + kind + "/" + name;
                if (!refs.contains(pointer)) {
                    findings.add("unused-component: " + pointer + ": never referenced");
                }
            });
        }
        Set<String> usedSchemes = new TreeSet<>();
        collectSecuritySchemes(raw.path("security"), usedSchemes);
        raw.path("paths").forEach(path -> path.forEach(op -> collectSecuritySchemes(op.path("security"), usedSchemes)));
        components.path("securitySchemes").fieldNames().forEachRemaining(name -> {
            if (!usedSchemes.contains(name)) {
                findings.add("unused-component: #/components/securitySchemes/" + name + ": never required");
            }
        });
        return findings;
    }

    private static void collectSecuritySchemes(JsonNode requirements, Set<String> into) {
        requirements.forEach(requirement -> requirement.fieldNames().forEachRemaining(into::add));
    }

    // ---------------------------------------------------------------- examples

    /**
     * Every example (parameters, request bodies, responses, schemas and their properties) must
     * validate against its schema, and an error example must repeat its response's HTTP status.
     */
    public List<String> examples() {
        List<String> findings = new ArrayList<>();
        SchemaValidator validator = new SchemaValidator(openApi(), new MessageResolver());
        forEachOperation((where, operation) -> {
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    String paramWhere = where + " parameter " + parameter.getName();
                    if (parameter.getExample() != null) {
                        check(
                                validator,
                                paramWhere + " example",
                                parameter.getExample(),
                                parameter.getSchema(),
                                findings);
                    }
                    examplesOf(parameter.getExamples())
                            .forEach((name, value) -> check(
                                    validator,
                                    paramWhere + " example '" + name + "'",
                                    value,
                                    parameter.getSchema(),
                                    findings));
                }
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation
                        .getRequestBody()
                        .getContent()
                        .forEach((type, media) ->
                                checkMedia(validator, where + " request " + type, media, null, findings));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    String name = response.get$ref() == null ? "" : " (" + response.get$ref() + ")";
                    ApiResponse resolved = resolve(response);
                    if (resolved != null && resolved.getContent() != null) {
                        resolved.getContent()
                                .forEach((type, media) -> checkMedia(
                                        validator,
                                        where + " response " + status + name + " " + type,
                                        media,
                                        status,
                                        findings));
                    }
                });
            }
        });
        componentSchemas()
                .forEach((name, schema) ->
                        checkSchemaExamples(validator, "#/components/schemas/" + name, schema, findings));
        return findings;
    }

    private void checkMedia(
            SchemaValidator validator, String where, MediaType media, String status, List<String> findings) {
        if (media.getExample() != null) {
            check(validator, where + " example", media.getExample(), media.getSchema(), findings);
            checkErrorStatus(where + " example", media.getExample(), status, findings);
        }
        examplesOf(media.getExamples()).forEach((name, value) -> {
            check(validator, where + " example '" + name + "'", value, media.getSchema(), findings);
            checkErrorStatus(where + " example '" + name + "'", value, status, findings);
        });
    }

    private static void checkErrorStatus(String where, Object example, String status, List<String> findings) {
        if (status == null || !(status.startsWith("4") || status.startsWith("5"))) {
            return;
        }
        JsonNode value = Json.mapper().valueToTree(example);
        JsonNode exampleStatus = value.path("error").path("status");
        if (!exampleStatus.asText().equals(status)) {
            findings.add("example-status: " + where + ": error.status is " + exampleStatus + " but the response is "
                    + status);
        }
    }

    @SuppressWarnings("rawtypes")
    private void checkSchemaExamples(SchemaValidator validator, String where, Schema schema, List<String> findings) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        if (schema.getExample() != null) {
            check(validator, where + " example", schema.getExample(), schema, findings);
        }
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = schema.getProperties();
            properties.forEach((name, property) ->
                    checkSchemaExamples(validator, where + "/properties/" + name, property, findings));
        }
        if (schema.getItems() != null) {
            checkSchemaExamples(validator, where + "/items", schema.getItems(), findings);
        }
    }

    @SuppressWarnings("rawtypes")
    private static void check(
            SchemaValidator validator, String where, Object example, Schema schema, List<String> findings) {
        if (schema == null) {
            findings.add("example-schema: " + where + ": has no schema to validate against");
            return;
        }
        JsonNode value = Json.mapper().valueToTree(example);
        ValidationReport report = validator.validate(() -> value, schema, "example");
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                findings.add("example-invalid: " + where + ": "
                        + message.getMessage().replace('\n', ' '));
            }
        }
    }

    private Map<String, Object> examplesOf(Map<String, Example> examples) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (examples != null) {
            examples.forEach((name, example) -> {
                Example resolved = example;
                if (example.get$ref() != null
                        && openApi().getComponents() != null
                        && openApi().getComponents().getExamples() != null) {
                    resolved = openApi().getComponents().getExamples().get(simpleName(example.get$ref()));
                }
                values.put(name, resolved == null ? null : resolved.getValue());
            });
        }
        return values;
    }

    // ---------------------------------------------------------------- helpers

    public interface OperationVisitor {
        void visit(String where, Operation operation);
    }

    public void forEachOperation(OperationVisitor visitor) {
        if (openApi().getPaths() == null) {
            return;
        }
        openApi().getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.readOperationsMap().entrySet()) {
                visitor.visit(entry.getKey() + " " + path, entry.getValue());
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private Map<String, Schema> componentSchemas() {
        if (openApi().getComponents() == null || openApi().getComponents().getSchemas() == null) {
            return Map.of();
        }
        return openApi().getComponents().getSchemas();
    }

    @SuppressWarnings("rawtypes")
    private Schema resolveSchema(String ref) {
        return componentSchemas().get(simpleName(ref));
    }

    private ApiResponse resolve(ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        if (openApi().getComponents() == null || openApi().getComponents().getResponses() == null) {
            return null;
        }
        return openApi().getComponents().getResponses().get(simpleName(response.get$ref()));
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
