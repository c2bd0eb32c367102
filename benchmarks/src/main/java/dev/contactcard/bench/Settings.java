package dev.contactcard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, read from system properties ({@code bench.*}); the bench profile
 * of {@code benchmarks/pom.xml} sets them for the full run.
 *
 * @param serverJar      the sandbox's documented launch: {@code server-stub/target/sandbox/contact-card-server.jar}
 *                       (the executable jar's extracted layout)
 * @param execJar        the executable jar itself (one file, nested jars), launched beside it for
 *                       comparison; null to skip
 * @param projectRoot    the checkout, for {@code ./mvnw ... spring-boot:run}; null to skip that launch
 * @param output         where the Markdown table goes
 * @param readme         the Markdown file whose marked section the run rewrites with the same
 *                       table, dated ({@link ResultsSection}); null to leave every file alone
 * @param jvmOptions     the documented JVM options of the sandbox launches
 * @param rounds         interleaved rounds of every scenario on every server
 * @param measure        how long each scenario runs per server and round
 * @param warmup         the least warm-up of each scenario on each server, before the first
 *                       round ({@code bench.warmup.seconds})
 * @param warmupLimit    the most ({@code bench.warmup.max.seconds}; the least if not set): past
 *                       the least, the warm-up goes on in slices of {@link #WARMUP_SLICE} until
 *                       the server's JIT compilers used under {@link #SETTLED_COMPILER_SHARE} of
 *                       its CPU in the last slice, so that the rounds measure steady state. A
 *                       server with more code compiles for longer: on a slow hour the sandbox
 *                       still spent a quarter of its CPU in the C2 compiler after 20 s of GET and
 *                       reached full speed after 30 to 40 s, the ceiling after about 20 s.
 * @param connections    concurrent connections of the load generator
 * @param threads        threads of the load generator
 * @param seedCards      cards created on every server before the load, read and updated by it
 * @param launches       launches per start-up measurement (the median is reported)
 * @param startupVariants whether to measure the start-up options that might pay (lazy init, CDS...)
 *                       and {@code spring-boot:run}; off unless {@code -Dbench.startup.variants=true}
 * @param jmhFull        a full JMH run (forked, several iterations) or a few in-process iterations
 *                       ({@code -Dbench.jmh.quick=true})
 * @param forceJavaLoad  use the Java load generator even where wrk is installed (then, where wrk is
 *                       installed, one short wrk run per scenario still checks its scripts)
 * @param idleLoad       the run starts measuring once the 1-minute load average is below this
 *                       ({@code bench.idle.load}), waiting up to {@link Machine#IDLE_WAIT}; 0 (the
 *                       default outside the bench profile) starts at once
 */
record Settings(
        Path serverJar,
        Path execJar,
        Path projectRoot,
        Path output,
        Path readme,
        List<String> jvmOptions,
        int rounds,
        Duration measure,
        Duration warmup,
        Duration warmupLimit,
        int connections,
        int threads,
        int seedCards,
        int launches,
        boolean startupVariants,
        boolean jmhFull,
        boolean forceJavaLoad,
        double idleLoad) {

    /** How long each step of a warm-up past its least is. */
    static final Duration WARMUP_SLICE = Duration.ofSeconds(5);

    /** Below this share of a server's CPU in its JIT compilers over one slice, its JIT has settled. */
    static final double SETTLED_COMPILER_SHARE = 0.03;

    static Settings fromSystemProperties() {
        String root = System.getProperty("bench.project.root");
        String readme = System.getProperty("bench.readme");
        String execJar = System.getProperty("bench.server.exec.jar");
        int seconds = Integer.getInteger("bench.seconds", 8);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", Math.max(2, seconds / 2)));
        Duration warmupLimit = Duration.ofSeconds(Integer.getInteger("bench.warmup.max.seconds", 0));
        return new Settings(
                Path.of(required("bench.server.jar")),
                execJar == null || execJar.isBlank() ? null : Path.of(execJar),
                root == null || root.isBlank() ? null : Path.of(root),
                Path.of(System.getProperty("bench.output", "target/benchmark-results.md")),
                readme == null || readme.isBlank() ? null : Path.of(readme),
                options(System.getProperty("bench.jvm.options", "")),
                Integer.getInteger("bench.rounds", 3),
                Duration.ofSeconds(seconds),
                warmup,
                warmupLimit.compareTo(warmup) > 0 ? warmupLimit : warmup,
                Integer.getInteger("bench.connections", 16),
                Integer.getInteger("bench.threads", 2),
                Integer.getInteger("bench.seed", 200),
                Integer.getInteger("bench.launches", 5),
                Boolean.getBoolean("bench.startup.variants"),
                !Boolean.getBoolean("bench.jmh.quick"),
                Boolean.getBoolean("bench.java.load"),
                Double.parseDouble(System.getProperty("bench.idle.load", "0")));
    }

    static List<String> options(String options) {
        return Arrays.stream(options.trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set (see benchmarks/README.md)");
        }
        return value;
    }
}
