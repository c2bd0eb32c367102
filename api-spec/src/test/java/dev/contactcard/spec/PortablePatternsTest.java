package dev.contactcard.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code pattern} of the spec is written in the part of ECMA-262 that JavaScript, Java and
 * Python read alike (as its description promises): no construct whose meaning differs between
 * those engines. The provider runs the patterns with java.util.regex, so this is what keeps its
 * verdicts those of a JSON Schema validator (the generative suite of server-stub checks the
 * verdicts themselves).
 */
class PortablePatternsTest {

    /** {@code [\s\S]} (any character) is the one sanctioned use of a shorthand class. */
    private static final String ANY = "[\\s\\S]";

    @Test
    void everyPatternOfTheSpecIsReadAlikeByJavaScriptJavaAndPython() {
        // From the parsed spec: any layout of the YAML that keeps its meaning gives the same patterns.
        List<String> found = PatternVerdictsAgreeTest.casesOfTheSpec().stream()
                .map(PatternVerdictsAgreeTest.Case::pattern)
                .distinct()
                .toList();

        assertThat(found).hasSizeGreaterThanOrEqualTo(4);
        assertThat(found)
                .allSatisfy(pattern -> assertThat(nonPortable(pattern))
                        .as("non-portable constructs in %s", pattern)
                        .isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"^.*\\S.*$", "^\\+[1-9]\\d{1,14}$", "^a+$", "(?i)^a", "^\\p{L}+", "\\bword"})
    void aConstructThatEnginesReadDifferentlyIsFound(String pattern) {
        assertThat(nonPortable(pattern)).isNotEmpty();
    }

    @Test
    void thePortableFormsAreAccepted() {
        assertThat(nonPortable("^[\\u0000-\\u0020]*[^\\u0000-\\u0020][\\s\\S]*$"))
                .isEmpty();
        assertThat(nonPortable("^\\+[1-9][0-9]{1,14}(?![\\s\\S])")).isEmpty();
        assertThat(nonPortable("^a\\.b\\$[.$]")).isEmpty();
    }

    /**
     * The constructs of {@code pattern} whose meaning differs between the engines: {@code .} (line
     * terminators differ), the shorthand classes {@code \s \S \d \D \w \W} (Unicode-aware in some
     * engines, ASCII in others) and {@code \b \B}, {@code $} outside the final {@code [\s\S]*$}
     * (before a final newline in Java and Python), and escapes or groups some engine lacks.
     */
    static List<String> nonPortable(String pattern) {
        List<String> found = new ArrayList<>();
        String text = pattern.replace(ANY + "*$", ANY + "*").replace(ANY, "");
        boolean inClass = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                if ("sSdDwWbBpPhHvVRXKQEzZAG".indexOf(next) >= 0) {
                    found.add("\\" + next);
                }
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '.' || c == '$') {
                found.add(String.valueOf(c));
            } else if (c == '('
                    && text.startsWith("(?", i)
                    && !text.startsWith("(?:", i)
                    && !text.startsWith("(?=", i)
                    && !text.startsWith("(?!", i)) {
                found.add(text.substring(i, Math.min(i + 3, text.length())));
            }
        }
        return found;
    }
}
