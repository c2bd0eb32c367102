package dev.contactcard.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/** Everything one run measured, and its Markdown table. */
final class Results {

    static final String FILE = "sandbox, file storage";
    static final String MEMORY = "sandbox, memory storage";
    static final String CEILING = "ceiling (minimal controller)";
    static final String STARTUP_SANDBOX = "sandbox: java -jar server-stub/target/sandbox/contact-card-server.jar";
    static final String STARTUP_CEILING = "ceiling: java -cp (flat class path) CeilingApplication";

    /** Start-up of one launch command: time to the first answer of each launch, RSS when ready. */
    record Startup(String name, String command, List<Duration> launches, long residentMib) {
        Duration median() {
            List<Duration> sorted =
                    launches.stream().sorted(Comparator.naturalOrder()).toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    /** One warm-up: its length, how many load runs it took, and how it ended. */
    record Warmup(Duration length, int runs, End end) {

        enum End {
            /** The server's JIT compilers used under the settled share of its CPU in the last slice. */
            SETTLED(""),
            /** It reached its limit with the compilers still busy. */
            STILL_COMPILING(" (still compiling)"),
            /** Its least length only: no limit above it, or no {@code /proc} to judge by. */
            FIXED(" (fixed)");

            final String note;

            End(String note) {
                this.note = note;
            }
        }
    }

    /**
     * The client benchmark: medians in microseconds and allocations in bytes per call, each the
     * median over the passes; {@code passRatios}, the client's median over the raw median in each
     * pass.
     */
    record Client(
            double clientMicros,
            double rawMicros,
            double clientBytes,
            double rawBytes,
            List<Double> passRatios,
            String how) {

        /** The median of the passes' ratios. */
        double ratio() {
            double[] sorted = passRatios.stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /** When the run started and ended: the table is dated, in UTC. */
    Instant started;

    Instant finished;
    String machine;
    String loadBefore;
    String loadAfter;
    String generator;
    String loadSettings;
    String jvmOptions;
    final Map<Scenario, Map<String, List<LoadResult>>> load = new EnumMap<>(Scenario.class);
    /** One short wrk run per scenario against the ceiling, where the table came from the Java generator. */
    final Map<Scenario, LoadResult> wrkCheck = new EnumMap<>(Scenario.class);

    /** How long every scenario loaded every server before the rounds. */
    final Map<Scenario, Map<String, Warmup>> warmups = new EnumMap<>(Scenario.class);

    final Map<String, Long> residentAfterLoad = new LinkedHashMap<>();
    final List<Startup> startups = new ArrayList<>();
    Client client;

    void add(Scenario scenario, String server, LoadResult result) {
        load.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                .computeIfAbsent(server, s -> new ArrayList<>())
                .add(result);
    }

    static double median(List<LoadResult> results, ToDoubleFunction<LoadResult> value) {
        double[] values = results.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    double perSecond(Scenario scenario, String server) {
        List<LoadResult> results = load.getOrDefault(scenario, Map.of()).get(server);
        return results == null ? Double.NaN : median(results, LoadResult::perSecond);
    }

    /**
     * {@code server}'s requests per second over {@code reference}'s, the median of the rounds'
     * ratios: each round measures every server within minutes, so a change in the machine's speed
     * between rounds (other tenants, thermal state) cancels within a round's ratio.
     */
    double ratio(Scenario scenario, String server, String reference) {
        List<LoadResult> measured = load.getOrDefault(scenario, Map.of()).get(server);
        List<LoadResult> against = load.getOrDefault(scenario, Map.of()).get(reference);
        if (measured == null || against == null || measured.size() != against.size()) {
            return Double.NaN;
        }
        double[] ratios = IntStream.range(0, measured.size())
                .mapToDouble(round ->
                        measured.get(round).perSecond() / against.get(round).perSecond())
                .sorted()
                .toArray();
        int middle = ratios.length / 2;
        return ratios.length % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
    }

    /** The results as a document of their own (benchmarks/target/benchmark-results.md). */
    String markdown() {
        return "# Benchmark results\n\n" + body("##");
    }

    /** The results as the section of benchmarks/README.md between its markers ({@link ResultsSection}). */
    String readmeSection() {
        return body("###");
    }

    /** {@code 2026-12-02 15:51 to 16:05 UTC}; the date again at the end when the run crossed midnight. */
    String when() {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
        boolean sameDay = started.atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .equals(finished.atOffset(ZoneOffset.UTC).toLocalDate());
        return day.format(started) + " to " + (sameDay ? time : day).format(finished) + " UTC";
    }

    /** Everything but the title; {@code h} is the level of the subsections' headings. */
    private String body(String h) {
        StringBuilder md = new StringBuilder();
        if (started != null && finished != null) {
            md.append("- Measured: ").append(when()).append('\n');
        }
        md.append("- Machine: ").append(machine).append('\n');
        md.append("- Load average (1/5/15 min) before: ")
                .append(loadBefore)
                .append("; after: ")
                .append(loadAfter)
                .append('\n');
        md.append("- Load: ")
                .append(generator)
                .append("; ")
                .append(loadSettings)
                .append('\n');
        md.append("- Sandbox and ceiling JVM options: `")
                .append(jvmOptions.isBlank() ? "(JVM defaults)" : jvmOptions)
                .append("`\n\n");

        md.append(h + " Targets\n\n| measure | measured | target | met |\n|---|---|---|---|\n");
        target(
                md,
                "GET by phone, sandbox (file) / ceiling",
                ratio(Scenario.GET_BY_PHONE, FILE, CEILING),
                "≥ 0.8×",
                0.8,
                true);
        target(
                md,
                "POST, file storage / memory storage",
                ratio(Scenario.POST_NEW_NUMBER, FILE, MEMORY),
                "≥ 0.5×",
                0.5,
                true);
        if (startupRatio() > 0) {
            target(
                    md,
                    "`java -jar` to the first answer, sandbox / ceiling, medians of "
                            + startup(STARTUP_SANDBOX).launches().size() + " interleaved launches ("
                            + seconds(startup(STARTUP_SANDBOX).median()) + " / "
                            + seconds(startup(STARTUP_CEILING).median()) + ")",
                    startupRatio(),
                    "≤ 1.3×",
                    1.3,
                    false);
        }
        residentAfterLoad.forEach((server, mib) -> {
            if (!server.equals(CEILING)) {
                md.append("| resident memory after the load, ")
                        .append(server)
                        .append(" | ")
                        .append(mib)
                        .append(" MiB | ≤ 400 MB | ")
                        .append(mib * 1.048576 <= 400 ? "yes" : "**no**")
                        .append(" |\n");
            }
        });
        if (client != null) {
            target(md, "`ContactCardClient.get` / raw `HttpClient` GET, median", client.ratio(), "≤ 1.2×", 1.2, false);
        }

        md.append("\n" + h + " The sandbox under load\n\nMedian of the rounds; ratios against the ceiling and, for the"
                + " file storage, against the memory storage, each the median of the rounds' ratios.\n\n");
        md.append("| scenario | server | req/s | × ceiling | p50 | p99 | non-2xx / socket errors |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        load.forEach((scenario, servers) -> servers.forEach((server, results) -> md.append("| ")
                .append(scenario.title)
                .append(" | ")
                .append(server)
                .append(" | ")
                .append(String.format("%,.0f", median(results, LoadResult::perSecond)))
                .append(" | ")
                .append(String.format("%.2f×", ratio(scenario, server, CEILING)))
                .append(server.equals(FILE) ? String.format(" (%.2f× memory)", ratio(scenario, FILE, MEMORY)) : "")
                .append(" | ")
                .append(millis(median(results, LoadResult::p50Micros)))
                .append(" | ")
                .append(millis(median(results, LoadResult::p99Micros)))
                .append(" | ")
                .append(results.stream().mapToLong(LoadResult::errorResponses).sum())
                .append(" / ")
                .append(results.stream().mapToLong(LoadResult::socketErrors).sum())
                .append(" |\n")));
        md.append("\nEvery round, req/s: ");
        load.forEach((scenario, servers) -> servers.forEach((server, results) -> md.append(scenario.name())
                .append(' ')
                .append(server.equals(FILE) ? "file" : server.equals(MEMORY) ? "memory" : "ceiling")
                .append(' ')
                .append(results.stream()
                        .map(result -> String.format("%.0f", result.perSecond()))
                        .toList())
                .append("; ")));
        if (!warmups.isEmpty()) {
            md.append(String.format(
                    "\n\nWarm-up of every scenario and server before the rounds, seconds of load, until its JIT"
                            + " compilers used under %.0f%% of its CPU in %d s: ",
                    Settings.SETTLED_COMPILER_SHARE * 100, Settings.WARMUP_SLICE.toSeconds()));
            warmups.forEach((scenario, servers) -> servers.forEach((server, warmup) -> md.append(scenario.name())
                    .append(' ')
                    .append(server.equals(FILE) ? "file" : server.equals(MEMORY) ? "memory" : "ceiling")
                    .append(' ')
                    .append(warmup.length().toSeconds())
                    .append(warmup.end().note)
                    .append("; ")));
        }
        if (!wrkCheck.isEmpty()) {
            md.append("\n\nwrk scripts checked on the ceiling (1 s each): ");
            wrkCheck.forEach((scenario, result) -> md.append(scenario.name())
                    .append(String.format(" %.0f req/s, %d non-2xx; ", result.perSecond(), result.errorResponses())));
        }
        md.append("\n\n" + h + " Resident memory after the load (VmRSS)\n\n| server | MiB |\n|---|---|\n");
        residentAfterLoad.forEach((server, mib) ->
                md.append("| ").append(server).append(" | ").append(mib).append(" |\n"));

        if (client != null) {
            md.append("\n" + h + " The client (JMH, ")
                    .append(client.how())
                    .append(")\n\n| call | median | allocated per call |\n|---|---|---|\n");
            md.append(String.format(
                    "| `ContactCardClient.get` | %.1f µs | %,.0f B |%n", client.clientMicros(), client.clientBytes()));
            md.append(String.format(
                    "| raw `HttpClient` GET + Jackson | %.1f µs | %,.0f B |%n", client.rawMicros(), client.rawBytes()));
            md.append(String.format(
                    "| **ratio** (median of the passes' ratios) | **%.2f×** | **%.2f×** |%n",
                    client.ratio(), client.clientBytes() / client.rawBytes()));
            md.append("\nEvery pass, client median / raw median: ")
                    .append(client.passRatios().stream()
                            .map(ratio -> String.format("%.2f×", ratio))
                            .toList())
                    .append('\n');
        }

        if (!startups.isEmpty()) {
            md.append("\n" + h + " Start-up: launch to the first answer of the API\n\n"
                    + "From the launch to the first answer (200 or 404) of a GET by phone number with the"
                    + " sandbox's key, what a team's test suite waits for; the ratio is the sandbox's"
                    + " median over the ceiling's, from the same interleaved launches.\n\n");
            md.append("| launch | median | every launch | RSS when ready |\n|---|---|---|---|\n");
            for (Startup startup : startups) {
                md.append("| ")
                        .append(startup.name())
                        .append(" | ")
                        .append(seconds(startup.median()))
                        .append(" | ")
                        .append(startup.launches().stream()
                                .map(Results::seconds)
                                .toList())
                        .append(" | ")
                        .append(startup.residentMib())
                        .append(" MiB |\n");
            }
            md.append("\nCommands:\n\n");
            startups.forEach(startup -> md.append("- ")
                    .append(startup.name())
                    .append(": `")
                    .append(startup.command())
                    .append("`\n"));
        }
        return md.toString();
    }

    private Startup startup(String name) {
        return startups.stream()
                .filter(startup -> startup.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The sandbox's median start-up over the ceiling's; 0 when either was not launched. */
    double startupRatio() {
        Startup sandbox = startup(STARTUP_SANDBOX);
        Startup ceiling = startup(STARTUP_CEILING);
        return sandbox == null || ceiling == null
                ? 0
                : sandbox.median().toNanos() / (double) ceiling.median().toNanos();
    }

    /** The three ratios of the performance targets, one line each, as the run prints them last. */
    String summary() {
        StringBuilder lines = new StringBuilder("Ratios of this run (load average before: " + loadBefore + "):\n");
        if (startupRatio() > 0) {
            lines.append(String.format(
                    "  start-up, sandbox / ceiling:            %.2fx (target <= 1.3x)%n", startupRatio()));
        }
        lines.append(String.format(
                "  GET by phone, sandbox (file) / ceiling: %.2fx (target >= 0.8x)%n",
                ratio(Scenario.GET_BY_PHONE, FILE, CEILING)));
        lines.append(String.format(
                "  POST, file storage / memory storage:    %.2fx (target >= 0.5x)%n",
                ratio(Scenario.POST_NEW_NUMBER, FILE, MEMORY)));
        return lines.toString();
    }

    private static void target(
            StringBuilder md, String measure, double value, String target, double bound, boolean atLeast) {
        boolean met = atLeast ? value >= bound : value <= bound;
        md.append("| ")
                .append(measure)
                .append(" | ")
                .append(String.format("%.2f×", value))
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static String millis(double micros) {
        return String.format("%.2f ms", micros / 1000);
    }

    static String seconds(Duration duration) {
        return String.format("%.2f s", duration.toMillis() / 1000.0);
    }
}
