package dev.contactcard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The part of a Markdown file (benchmarks/README.md) between the lines {@value #BEGIN} and {@value
 * #END}: the full run replaces it with its dated table, and leaves every byte before and after the
 * markers as it was. Each marker counts only on a line of its own (prose may name it). A file
 * without exactly one pair of marker lines, in that order, is refused with an {@link
 * IllegalStateException}, and left untouched.
 */
final class ResultsSection {

    static final String BEGIN = "<!-- benchmark-results:begin -->";
    static final String END = "<!-- benchmark-results:end -->";

    private ResultsSection() {}

    /** Fails, naming the file and what is wrong, unless {@code file} has one pair of markers. */
    static void check(Path file) throws IOException {
        replaceIn(file, Files.readAllBytes(file), "");
    }

    /** Replaces what stands between the markers of {@code file} with {@code section}. */
    static void replace(Path file, String section) throws IOException {
        byte[] replaced = replaceIn(file, Files.readAllBytes(file), section);
        Files.write(file, replaced);
    }

    /**
     * The file's bytes with the section replaced. ISO-8859-1 maps every byte to one char and back,
     * so whatever the file's encoding and line endings, the bytes outside the markers are kept.
     */
    private static byte[] replaceIn(Path file, byte[] bytes, String section) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int begin = only(file, text, BEGIN);
        int end = only(file, text, END);
        if (end < begin) {
            throw new IllegalStateException(file + ": the marker " + END + " stands before " + BEGIN
                    + "; the benchmark results go between " + BEGIN + " and " + END);
        }
        String body = section.isEmpty() || section.endsWith("\n") ? section : section + "\n";
        String utf8 = new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String replaced = text.substring(0, begin + BEGIN.length()) + "\n\n" + utf8 + "\n" + text.substring(end);
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Where {@code marker} stands on a line of its own; a mention of it inside a line does not count. */
    private static int only(Path file, String text, String marker) {
        int found = -1;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
            int after = at + marker.length();
            boolean startsLine = at == 0 || text.charAt(at - 1) == '\n';
            boolean endsLine = after == text.length() || text.charAt(after) == '\n' || text.charAt(after) == '\r';
            if (!startsLine || !endsLine) {
                continue;
            }
            if (found >= 0) {
                throw new IllegalStateException(
                        file + " has the line " + marker + " more than once: which section to replace is unclear");
            }
            found = at;
        }
        if (found < 0) {
            throw new IllegalStateException(file + " has no line " + marker + ": the benchmark results go between "
                    + BEGIN + " and " + END + ", each on a line of its own (or leave the file alone with"
                    + " -Dbench.readme=)");
        }
        return found;
    }
}
