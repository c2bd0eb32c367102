package dev.contactcard.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How fast the machine is right now, in the unit the build's time target is scaled by: the
 * ceiling's start-up (launch to first answer, the documented JVM options, a flat class path), the
 * median of some launches after one uncounted launch. {@code benchmarks/build-time.sh} runs it
 * after each timed build, once the machine is idle again.
 *
 * <p>Arguments: the file with the benchmarks' runtime class path (the build writes {@code
 * benchmarks/target/ceiling.classpath}), the benchmarks' classes directory, the number of counted
 * launches. JVM options of the ceiling: {@code -Dbench.jvm.options}. Prints the median in seconds
 * on standard output, each launch on standard error.
 */
public final class CeilingStartup {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private CeilingStartup() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("Arguments: <class path file> <classes directory> <launches>");
        }
        String classpath = Path.of(args[1]).toAbsolutePath()
                + File.pathSeparator
                + Files.readString(Path.of(args[0])).trim();
        int launches = Integer.parseInt(args[2]);
        List<String> command =
                ServerProcess.ceiling(Settings.options(System.getProperty("bench.jvm.options", "")), classpath);
        Path work = Files.createTempDirectory("ceiling-startup");
        List<Duration> counted = new ArrayList<>();
        for (int launch = 0; launch <= launches; launch++) {
            try (ServerProcess ceiling =
                    ServerProcess.start("ceiling", command, Map.of(), work, work.resolve("ceiling.log"))) {
                Duration ready = ceiling.awaitReady(READY_TIMEOUT);
                System.err.printf(
                        "ceiling launch %d: %.2f s%s%n",
                        launch, ready.toMillis() / 1000.0, launch == 0 ? " (not counted)" : "");
                if (launch > 0) {
                    counted.add(ready);
                }
            }
        }
        // The launches' logs are kept only when one fails (its message names the log).
        BenchmarkRun.deleteRecursively(work);
        Duration median = new Results.Startup(Results.STARTUP_CEILING, String.join(" ", command), counted, -1).median();
        System.out.printf("%.2f%n", median.toMillis() / 1000.0);
    }
}
