package dev.contactcard.spec.evolution;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * The breaking-change gate of the contract: compares the spec with the frozen spec of the last
 * release (the baseline) using OpenAPITools openapi-diff, writes a Markdown changelog, and
 * refuses a backward-incompatible change unless the major version was raised. A release build
 * (a version without {@code -SNAPSHOT}) must also be numbered at least as semantic versioning
 * asks: a compatible change needs a new minor, a documentation change a new patch.
 *
 * <p>The build runs {@link #main} in the {@code verify} phase of {@code api-spec} (see its POM);
 * the fixture tests call {@link #compare}, the same code with the same rule.
 */
public final class SpecCompatibilityGate {

    private SpecCompatibilityGate() {}

    /**
     * Compares {@code current} with {@code baseline}: both are OpenAPI files, and each one's
     * {@code info.version} must be a {@code MAJOR.MINOR.PATCH} version.
     */
    public static CompatibilityReport compare(Path baseline, Path current) {
        String currentYaml = read(readable(current));
        String baselineYaml = AcceptedPatternFixes.besides(baseline).applyTo(read(readable(baseline)), currentYaml);
        ChangedOpenApi diff = OpenApiCompare.fromContents(baselineYaml, currentYaml);
        return new CompatibilityReport(
                versionOf(diff.getOldSpecOpenApi(), baseline),
                versionOf(diff.getNewSpecOpenApi(), current),
                diff,
                BreakingChanges.of(diff));
    }

    /**
     * Runs the gate as the build does. Arguments: the baseline spec, the expected version of the
     * baseline (the POM's {@code contactcard.spec.baseline.version}), the current spec, the Maven
     * project version, and the changelog file to write.
     *
     * @throws GateFailure when the build must stop; its message names every reason
     */
    public static void main(String[] args) {
        if (args.length != 5) {
            throw new GateFailure("usage: SpecCompatibilityGate <baseline.yaml> <baseline version>"
                    + " <current.yaml> <project version> <changelog.md>");
        }
        Path baselineFile = Path.of(args[0]);
        ContractVersion expectedBaseline = ContractVersion.parse(args[1], "contactcard.spec.baseline.version");
        Path currentFile = Path.of(args[2]);
        ContractVersion promised = ContractVersion.ofArtifact(args[3]);
        Path changelog = Path.of(args[4]);

        CompatibilityReport report = compare(baselineFile, currentFile);
        write(
                changelog,
                report.toMarkdown(baselineFile.getFileName().toString())
                        + AcceptedPatternFixes.besides(baselineFile).toMarkdown());
        System.out.println("[spec gate] " + report.summary() + " Changelog: " + changelog);

        if (!report.baseline().equals(expectedBaseline)) {
            throw new GateFailure("The baseline " + baselineFile + " has info.version " + report.baseline()
                    + ", but contactcard.spec.baseline.version is " + expectedBaseline
                    + ": the frozen copy of a release must never be edited.");
        }
        if (!report.current().equals(promised)) {
            throw new GateFailure("The spec's info.version is " + report.current() + ", but the artifact version "
                    + args[3] + " promises " + promised + ": keep them equal (see docs/RELEASING.md).");
        }
        if (report.current().compareTo(report.baseline()) < 0) {
            throw new GateFailure("The spec's version " + report.current() + " is below the last release "
                    + report.baseline() + ": versions only go up.");
        }
        if (!report.allowed()) {
            throw new GateFailure(report.failureMessage() + " Changelog: " + changelog);
        }
        boolean release = !args[3].trim().endsWith("-SNAPSHOT");
        if (release && report.current().compareTo(report.minimumReleaseVersion()) < 0) {
            throw new GateFailure("Release " + report.current() + " is too small a step from " + report.baseline()
                    + ": the contract changed since then, so release it as at least "
                    + report.minimumReleaseVersion() + " (docs/VERSIONING.md). Changelog: " + changelog);
        }
    }

    private static ContractVersion versionOf(OpenAPI spec, Path file) {
        String version =
                spec == null || spec.getInfo() == null ? null : spec.getInfo().getVersion();
        return ContractVersion.parse(version, "info.version of " + file);
    }

    private static Path readable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GateFailure("No spec at " + file.toAbsolutePath()
                    + " (for a baseline: freeze the released spec there, see docs/RELEASING.md)");
        }
        return file;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the spec changelog " + file, e);
        }
    }
}
