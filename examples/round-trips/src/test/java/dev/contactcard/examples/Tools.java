package dev.contactcard.examples;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * The tools a check runs besides the JDK (Node.js, npm, python3 and its modules). A missing one
 * makes the check print one line naming itself and why, and not run; with {@code
 * CONTACT_CARD_REQUIRE_TOOLS=true} (as {@code .ci/run} sets it) the check fails instead, so that CI
 * never passes without it.
 */
final class Tools {

    /** The Python modules the generated client imports that the standard library lacks. */
    private static final String PYTHON_CHECK = "import sys, pydantic, urllib3, dateutil, typing_extensions\n"
            + "sys.exit(0 if pydantic.VERSION.startswith('2.') and urllib3.__version__.startswith('2.') else 3)";

    private Tools() {}

    /** Every one of {@code executables} is on the {@code PATH}, or the check does not run. */
    static void require(String check, String... executables) {
        for (String executable : executables) {
            if (find(executable) == null) {
                missing(check, executable + " is not on the PATH");
            }
        }
    }

    /** python3 is on the {@code PATH} with pydantic 2, urllib3 2 and python-dateutil, or the check does not run. */
    static void requirePython(String check) throws Exception {
        require(check, "python3");
        Process process = new ProcessBuilder("python3", "-c", PYTHON_CHECK)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            missing(
                    check,
                    "python3 lacks pydantic 2, urllib3 2 or python-dateutil"
                            + (output.isEmpty()
                                    ? ""
                                    : " (" + output.lines().reduce((a, b) -> b).orElse("") + ")"));
        }
    }

    private static void missing(String check, String why) {
        String line = check + " did not run: " + why;
        if (Boolean.parseBoolean(System.getenv("CONTACT_CARD_REQUIRE_TOOLS"))) {
            throw new AssertionError(line + " (CONTACT_CARD_REQUIRE_TOOLS=true: the build machines have it)");
        }
        System.out.println("[not run] " + line);
        throw new TestAbortedException(line);
    }

    private static Path find(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, executable);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
