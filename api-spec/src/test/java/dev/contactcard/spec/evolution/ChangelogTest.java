package dev.contactcard.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/CHANGELOG.md tells one version story with the POMs: while the build is a {@code -SNAPSHOT},
 * its changes sit under {@code ## Unreleased} at the top, and no section claims the version being
 * built as released; the release procedure (docs/RELEASING.md) turns that section into {@code ##
 * X.Y.Z - <date>}.
 */
class ChangelogTest {

    private static final String PROJECT_VERSION = System.getProperty("contactcard.project.version");
    private static final Path CHANGELOG = Path.of("..", "docs", "CHANGELOG.md");

    private static List<String> sections() throws IOException {
        return Files.readAllLines(CHANGELOG, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("## "))
                .map(line -> line.substring(3).strip())
                .collect(Collectors.toList());
    }

    @Test
    void aSnapshotBuildListsItsChangesAsUnreleasedAndNeverAsTheVersionItWillBecome() throws IOException {
        assertThat(PROJECT_VERSION).isNotBlank();
        List<String> sections = sections();
        if (!PROJECT_VERSION.endsWith("-SNAPSHOT")) {
            assertThat(sections)
                    .as("a release build has a section for its version")
                    .anyMatch(section -> section.startsWith(PROJECT_VERSION + " "));
            return;
        }
        String upcoming = PROJECT_VERSION.substring(0, PROJECT_VERSION.length() - "-SNAPSHOT".length());
        assertThat(sections).as("the sections of %s", CHANGELOG).isNotEmpty();
        assertThat(sections.get(0)).startsWith("Unreleased");
        assertThat(sections)
                .as("no section may present %s as released while the build is %s", upcoming, PROJECT_VERSION)
                .noneMatch(section -> section.equals(upcoming) || section.startsWith(upcoming + " "));
    }
}
