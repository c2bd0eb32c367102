package dev.contactcard.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * server-stub/README.md shows how to use the provider from tests with excerpts of {@link
 * ReferenceProviderVerification}, the verification this build runs: each excerpt, marked
 * {@code // README:begin <name>} ... {@code // README:end <name>} there, must stand in the README
 * exactly, so the README cannot show code that does not compile or does not run.
 */
class ServerReadmeTest {

    private static final Path SOURCE =
            Path.of("src/test/java/dev/contactcard/contract/provider/ReferenceProviderVerification.java");
    private static final Path README = Path.of("../server-stub/README.md");

    @ParameterizedTest(name = "the README shows the excerpt ''{0}'' as it is compiled and run")
    @ValueSource(strings = {"start"})
    void theServerReadmeShowsTheExcerptAsCompiled(String name) throws IOException {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        int begin = source.indexOf("// README:begin " + name);
        int end = source.indexOf("// README:end " + name);
        assertThat(begin).as("marker README:begin %s in %s", name, SOURCE).isNotNegative();
        assertThat(end).as("marker README:end %s in %s", name, SOURCE).isGreaterThan(begin);
        String excerpt = source.substring(source.indexOf('\n', begin) + 1, source.lastIndexOf('\n', end) + 1);

        assertThat(Files.readString(README, StandardCharsets.UTF_8)).contains(dedent(excerpt));
    }

    private static String dedent(String text) {
        String[] lines = text.split("\n");
        int indent = Arrays.stream(lines)
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return Arrays.stream(lines)
                .map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n"))
                .strip();
    }
}
