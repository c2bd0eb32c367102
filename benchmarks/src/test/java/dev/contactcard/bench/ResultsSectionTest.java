package dev.contactcard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full run rewrites the marked section of benchmarks/README.md, and nothing else of it. */
class ResultsSectionTest {

    /** Text before the section: CRLF line ends, a non-ASCII character, and a byte that is not UTF-8. */
    private static final byte[] BEFORE =
            bytes("# benchmarks\r\n\r\nTargets: ≥ 0.8× the ceiling.\r\n", new byte[] {(byte) 0xFF}, "\n## Results\n\n");

    private static final byte[] AFTER = bytes("\n\n## Afterwards\n\nKept as it is, with no newline at the end");

    @TempDir
    Path dir;

    @Test
    void theMarkedSectionIsReplacedAndEveryByteAroundItKept() throws IOException {
        Path readme = dir.resolve("README.md");
        Files.write(
                readme,
                bytes(BEFORE, ResultsSection.BEGIN + "\n\nthe old table, 3.86 load\n\n" + ResultsSection.END, AFTER));

        ResultsSection.replace(readme, "- Measured: 2026-12-03 09:00 to 09:18 UTC\n\n| a | b |\n");

        assertThat(Files.readAllBytes(readme))
                .isEqualTo(bytes(
                        BEFORE,
                        ResultsSection.BEGIN + "\n\n- Measured: 2026-12-03 09:00 to 09:18 UTC\n\n| a | b |\n\n"
                                + ResultsSection.END,
                        AFTER));
    }

    @Test
    void replacingTwiceGivesTheSameFileAsReplacingOnce() throws IOException {
        Path readme = dir.resolve("README.md");
        Files.write(readme, bytes(BEFORE, ResultsSection.BEGIN + "\n" + ResultsSection.END, AFTER));

        ResultsSection.replace(readme, "first run");
        ResultsSection.replace(readme, "second run\n");

        assertThat(Files.readAllBytes(readme))
                .isEqualTo(bytes(BEFORE, ResultsSection.BEGIN + "\n\nsecond run\n\n" + ResultsSection.END, AFTER));
    }

    @Test
    void aFileWithoutTheBeginMarkerIsRefusedNamingTheMarkerAndLeftAsItWas() throws IOException {
        Path readme = dir.resolve("README.md");
        byte[] original = bytes(BEFORE, "the table\n" + ResultsSection.END + "\n", AFTER);
        Files.write(readme, original);

        assertThatThrownBy(() -> ResultsSection.replace(readme, "new"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(readme.toString())
                .hasMessageContaining("has no line " + ResultsSection.BEGIN);
        assertThat(Files.readAllBytes(readme)).isEqualTo(original);
    }

    @Test
    void aFileWithoutTheEndMarkerIsRefusedBeforeTheRunStarts() throws IOException {
        Path readme = dir.resolve("README.md");
        Files.write(readme, bytes(BEFORE, ResultsSection.BEGIN + "\nthe table\n", AFTER));

        assertThatThrownBy(() -> ResultsSection.check(readme))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no line " + ResultsSection.END);
    }

    @Test
    void markersInTheWrongOrderOrTwiceAreRefused() throws IOException {
        Path reversed = dir.resolve("reversed.md");
        Files.write(reversed, bytes(ResultsSection.END + "\n" + ResultsSection.BEGIN + "\n"));
        Path twice = dir.resolve("twice.md");
        Files.write(
                twice,
                bytes(ResultsSection.BEGIN + "\n" + ResultsSection.END + "\n" + ResultsSection.BEGIN + "\n"
                        + ResultsSection.END));

        assertThatThrownBy(() -> ResultsSection.replace(reversed, "new"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stands before");
        assertThatThrownBy(() -> ResultsSection.replace(twice, "new"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than once");
    }

    @Test
    void markersOnlyNamedInsideALineAreNotMarkers() throws IOException {
        Path readme = dir.resolve("README.md");
        Files.write(readme, bytes("Between `" + ResultsSection.BEGIN + "` and `" + ResultsSection.END + "`.\n"));

        assertThatThrownBy(() -> ResultsSection.check(readme))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no line " + ResultsSection.BEGIN);
    }

    @Test
    void theModulesReadmeHasItsMarkers() throws IOException {
        // The full run checks this before it starts; the default build checks it too.
        ResultsSection.check(Path.of("README.md"));
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] bytes = part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
