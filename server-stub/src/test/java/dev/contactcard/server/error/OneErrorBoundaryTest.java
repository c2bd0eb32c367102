package dev.contactcard.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The provider writes the error envelope in one place: only {@link ErrorBoundary} builds it and
 * writes an error status, and only {@link EnvelopeErrorReportValve}, the container-level fallback
 * for what Tomcat rejects before the application runs, writes it besides. Every other class of the
 * provider refuses a request by throwing. Read from the hand-written sources (the generated code
 * is not among them).
 */
class OneErrorBoundaryTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/contactcard/server");

    /** What writing an envelope or an error status looks like in the provider's code. */
    private static final Pattern WRITES_AN_ERROR =
            Pattern.compile("new ErrorResponse\\(|new ErrorDetail\\(|\\.envelope\\(|\\.setStatus\\(|\\.sendError\\(");

    @Test
    void onlyTheBoundaryAndTomcatsFallbackWriteAnError() throws IOException {
        Map<String, Long> writers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long writes = WRITES_AN_ERROR
                        .matcher(Files.readString(file, StandardCharsets.UTF_8))
                        .results()
                        .count();
                if (writes > 0) {
                    writers.put(SOURCES.relativize(file).toString().replace('\\', '/'), writes);
                }
            }
        }

        assertThat(writers.keySet())
                .as("classes that write an error answer, and how often: %s", writers)
                .containsExactlyInAnyOrderElementsOf(
                        List.of("error/ErrorBoundary.java", "error/EnvelopeErrorReportValve.java"));
    }
}
