package dev.contactcard.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The spec promises that every {@code pattern} reads alike in JavaScript, Java and Python (its
 * description). This runs each of them in the three engines, the way each is used on the value of
 * a field (JSON Schema: matches anywhere; JavaScript with the {@code u} flag, as JSON Schema
 * validators do; {@code java.util.regex}'s {@code find}; Python's {@code re.search}), on a small
 * set of values generated from the spec: every example of the field, and each mutated the ways
 * engines are known to disagree on (line terminators at the ends, other scripts' digits and
 * spaces, characters outside the Basic Multilingual Plane, an empty or blank value). Every value
 * must get the same verdict from all three.
 *
 * <p>Node.js and python3 are on the build machines; where one is missing, the test prints one line
 * and does not run, unless {@code CONTACT_CARD_REQUIRE_TOOLS=true} ({@code .ci/run}), which fails it.
 */
class PatternVerdictsAgreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String NODE =
            "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const cases=JSON.parse(s);"
                    + "process.stdout.write(JSON.stringify(cases.map(c=>{const r=new RegExp(c.pattern,'u');"
                    + "return c.values.map(v=>r.test(v));})));});";

    private static final String PYTHON = "import json,re,sys\n"
            + "cases=json.load(sys.stdin)\n"
            + "json.dump([[re.search(c['pattern'],v) is not None for v in c['values']] for c in cases],sys.stdout)\n";

    /** A pattern of the spec, where it stands, and the values it is tried on. */
    record Case(String where, String pattern, List<String> values) {}

    @Test
    void everyPatternGivesTheSameVerdictsInJavaScriptJavaAndPython() throws Exception {
        List<Case> cases = casesOfTheSpec();
        assertThat(cases)
                .extracting(Case::where)
                .contains(
                        "PhoneNumber",
                        "CreateContactCardRequest.first_name",
                        "CreateContactCardRequest.image_url",
                        "POST Idempotency-Key");

        assertThat(disagreements(cases))
                .as("patterns the engines read differently")
                .isEmpty();
    }

    @Test
    void aPatternTheEnginesReadDifferentlyIsFound() throws Exception {
        // \d is any Unicode digit to Python, an ASCII one to Java and JavaScript; $ also before a
        // final line break to Java and Python, only at the very end to JavaScript.
        List<Case> nonPortable = List.of(
                new Case("digits", "^\\d+$", mutations(List.of("12345"))),
                new Case("end", "^[0-9]+$", mutations(List.of("12345"))));

        assertThat(disagreements(nonPortable))
                .anySatisfy(found ->
                        assertThat(found).startsWith("digits on \"\u0661").contains("Python true"))
                .anySatisfy(found ->
                        assertThat(found).startsWith("end on \"12345\\n\"").contains("JavaScript false"));
    }

    /** Each value of each case whose verdicts differ between the engines, as a line naming them. */
    private static List<String> disagreements(List<Case> cases) throws Exception {
        requireTool("node");
        requireTool("python3");
        List<List<Boolean>> java = cases.stream()
                .map(c -> c.values().stream()
                        .map(value ->
                                Pattern.compile(c.pattern()).matcher(value).find())
                        .toList())
                .toList();
        List<List<Boolean>> javaScript = verdicts("node", "-e", NODE, cases);
        List<List<Boolean>> python = verdicts("python3", "-c", PYTHON, cases);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            assertThat(java.get(i))
                    .as("the values of %s include ones its pattern accepts and ones it refuses", c.where())
                    .contains(true, false);
            for (int j = 0; j < c.values().size(); j++) {
                boolean inJava = java.get(i).get(j);
                boolean inJavaScript = javaScript.get(i).get(j);
                boolean inPython = python.get(i).get(j);
                if (inJava != inJavaScript || inJava != inPython) {
                    disagreements.add(c.where() + " on "
                            + JSON.writeValueAsString(c.values().get(j)) + ": Java " + inJava + ", JavaScript "
                            + inJavaScript + ", Python " + inPython);
                }
            }
        }
        return disagreements;
    }

    /** Every pattern of the spec (components, parameters, request bodies), with values from its examples. */
    static List<Case> casesOfTheSpec() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI spec = new OpenAPIV3Parser()
                .readContents(new String(ContactCardSpec.bytes(), StandardCharsets.UTF_8), null, options)
                .getOpenAPI();
        Map<String, Case> cases = new LinkedHashMap<>();
        spec.getComponents().getSchemas().forEach((name, schema) -> collect(cases, name, schema, List.of()));
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().readOperationsMap().entrySet()) {
                List<Parameter> parameters = operation.getValue().getParameters();
                for (Parameter parameter : parameters == null ? List.<Parameter>of() : parameters) {
                    collect(
                            cases,
                            operation.getKey() + " " + parameter.getName(),
                            parameter.getSchema(),
                            parameter.getExample() == null
                                    ? List.of()
                                    : List.of(parameter.getExample().toString()));
                }
            }
        }
        return List.copyOf(cases.values());
    }

    @SuppressWarnings("rawtypes")
    private static void collect(Map<String, Case> cases, String where, Schema<?> schema, List<String> examples) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            return; // the referenced schema is collected under its own name
        }
        List<String> seeds = new ArrayList<>(examples);
        if (schema.getExample() != null) {
            seeds.add(schema.getExample().toString());
        }
        if (schema.getPattern() != null
                && cases.values().stream()
                        .noneMatch(c -> c.pattern().equals(schema.getPattern())
                                && c.where().equals(where))) {
            cases.put(where, new Case(where, schema.getPattern(), mutations(seeds)));
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.forEach((name, property) -> collect(cases, where + "." + name, property, List.of()));
        }
    }

    /** The examples, and each mutated the ways regular-expression engines are known to disagree on. */
    static List<String> mutations(List<String> examples) {
        Set<String> values = new LinkedHashSet<>(
                List.of("", " ", "\t", "\n", "\u00A0", "\u2028", "\u200B", "\u3000", "\uD83D\uDE00", "x", "1"));
        for (String example : examples) {
            values.add(example);
            values.add(example + "\n");
            values.add(example + "\r\n");
            values.add(example + "\u2028");
            values.add("\n" + example);
            values.add(" " + example);
            values.add(example + " ");
            values.add(example + "\u0000");
            values.add(example + "\uD83D\uDE00");
            values.add("\u200B" + example);
            values.add(example.replaceFirst("[0-9]", "\uFF11")); // a fullwidth digit
            values.add(example.replaceFirst("[0-9]", "\u0661")); // an Arabic-Indic digit
            values.add(example.replaceFirst("[A-Za-z]", "\u00E9"));
            values.add(example.replaceFirst("\\+", "\uFF0B")); // a fullwidth plus
            values.add(example.replace(" ", "\u00A0"));
            values.add(example.substring(0, 1));
            values.add(example.toUpperCase(java.util.Locale.ROOT));
        }
        return List.copyOf(values);
    }

    private static List<List<Boolean>> verdicts(String tool, String flag, String script, List<Case> cases)
            throws Exception {
        Path input = Files.createTempFile("patterns", ".json");
        try {
            JSON.writeValue(input.toFile(), cases);
            Process process = new ProcessBuilder(tool, flag, script)
                    .redirectInput(input.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s's exit code", tool).isZero();
            return JSON.readValue(output, JSON.getTypeFactory().constructCollectionType(List.class, List.class));
        } finally {
            Files.deleteIfExists(input);
        }
    }

    /** The tool is on the PATH, or the check prints one line and does not run (fails under CONTACT_CARD_REQUIRE_TOOLS). */
    private static void requireTool(String executable) {
        String path = System.getenv("PATH");
        for (String directory : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, executable))) {
                return;
            }
        }
        String line =
                "the pattern verdicts in JavaScript and Python did not run: " + executable + " is not on the PATH";
        if (Boolean.parseBoolean(System.getenv("CONTACT_CARD_REQUIRE_TOOLS"))) {
            throw new AssertionError(line + " (CONTACT_CARD_REQUIRE_TOOLS=true: the build machines have it)");
        }
        System.out.println("[not run] " + line);
        throw new TestAbortedException(line);
    }
}
