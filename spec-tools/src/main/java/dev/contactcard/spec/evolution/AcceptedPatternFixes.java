package dev.contactcard.spec.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pattern changes since a release that the gate accepts as fixes, each with the reason.
 *
 * <p>openapi-diff counts every change of a {@code pattern} as breaking, since it cannot tell
 * whether a new regular expression accepts less. Some pattern changes are fixes that break no
 * client: the old pattern read differently in different regex engines, or said less than the
 * provider always enforced, so the new one states the rule the provider already applied. Such a
 * change is declared, with why it is a fix, in {@code <baseline>.fixes.yaml} beside the frozen
 * baseline ({@code api-spec/baseline/}); the gate then compares against the baseline with each
 * declared old pattern replaced by its new one, so that every other change is still judged, and
 * the changelog lists the fixes. A fix applies only when the spec has exactly the declared new
 * pattern, so it cannot hide a later change of that pattern (which is judged against the release
 * as usual); a declared old pattern the baseline does not have fails the gate. The file belongs
 * to one baseline, so its declarations end with the next release.
 */
record AcceptedPatternFixes(List<Fix> fixes) {

    /** One declared pattern change: the pattern of the release, the pattern now, and why it is a fix. */
    record Fix(String was, String now, String why) {}

    /** The fixes declared beside {@code baseline} ({@code contact-card-1.0.0.fixes.yaml}); none when there is no file. */
    static AcceptedPatternFixes besides(Path baseline) {
        String name = baseline.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path file = baseline.resolveSibling(name + ".fixes.yaml");
        if (!Files.isRegularFile(file)) {
            return new AcceptedPatternFixes(List.of());
        }
        try {
            List<Fix> fixes = new ArrayList<>();
            for (JsonNode fix : Yaml.mapper().readTree(file.toFile()).path("patterns")) {
                fixes.add(new Fix(
                        fix.path("was").asText(),
                        fix.path("now").asText(),
                        fix.path("why").asText()));
            }
            return new AcceptedPatternFixes(List.copyOf(fixes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * The baseline with each declared old pattern replaced by its new one, where the current spec
     * has that new pattern. Both are read as YAML and compared by value, so how either file quotes
     * or lays out a pattern does not matter; the baseline comes back as JSON (which is YAML).
     */
    String applyTo(String baselineYaml, String currentYaml) {
        JsonNode baseline;
        Set<String> currentPatterns;
        try {
            baseline = Yaml.mapper().readTree(baselineYaml);
            currentPatterns = patterns(Yaml.mapper().readTree(currentYaml), new HashSet<>());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spec or its baseline as YAML", e);
        }
        Set<String> baselinePatterns = patterns(baseline, new HashSet<>());
        for (Fix fix : fixes) {
            if (!baselinePatterns.contains(fix.was())) {
                throw new GateFailure("The accepted pattern fix '" + fix.was()
                        + "' names a pattern the baseline does not have: correct or remove it.");
            }
            if (currentPatterns.contains(fix.now())) {
                replacePattern(baseline, fix.was(), fix.now());
            }
        }
        return baseline.toString();
    }

    /** Every {@code pattern} string anywhere in the document. */
    private static Set<String> patterns(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("pattern") && field.getValue().isTextual()) {
                    found.add(field.getValue().asText());
                } else {
                    patterns(field.getValue(), found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> patterns(element, found));
        }
        return found;
    }

    private static void replacePattern(JsonNode node, String was, String now) {
        if (node instanceof ObjectNode object) {
            JsonNode pattern = object.get("pattern");
            if (pattern != null && pattern.isTextual() && pattern.asText().equals(was)) {
                object.put("pattern", now);
            }
            object.forEach(child -> replacePattern(child, was, now));
        } else if (node.isArray()) {
            node.forEach(element -> replacePattern(element, was, now));
        }
    }

    /** A changelog section naming each accepted fix; empty when there is none. */
    String toMarkdown() {
        if (fixes.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Pattern fixes accepted as compatible\n\n");
        for (Fix fix : fixes) {
            md.append("- `")
                    .append(fix.was())
                    .append("` is now `")
                    .append(fix.now())
                    .append("`: ")
                    .append(fix.why().strip())
                    .append('\n');
        }
        return md.toString();
    }
}
