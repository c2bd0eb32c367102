package dev.contactcard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One benchmark run: start-up launches, then the sandbox (file and memory storage) and the ceiling
 * started side by side and loaded in interleaved rounds, then the client benchmark (JMH) against
 * the memory sandbox; writes the Markdown table to {@link Settings#output()} and, dated, into the
 * marked section of {@link Settings#readme()} (benchmarks/README.md in the full run).
 *
 * <p>Full run: {@code ./mvnw -B -Pbench -pl benchmarks -am verify -DskipTests} (benchmarks/README.md).
 */
public final class BenchmarkRun {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Settings settings;
    private final Clock clock;
    private final Path work;

    BenchmarkRun(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    BenchmarkRun(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.work = settings.output().toAbsolutePath().getParent().resolve("bench-work");
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Results results = new BenchmarkRun(settings).run();
        System.out.println(results.markdown());
        System.out.println(results.summary());
        System.out.println("Written to " + settings.output().toAbsolutePath());
        if (settings.readme() != null) {
            System.out.println("and to its section of " + settings.readme().toAbsolutePath());
        }
    }

    Results run() throws Exception {
        if (!Files.isRegularFile(settings.serverJar())) {
            throw new IllegalStateException("No sandbox jar at " + settings.serverJar()
                    + ": build server-stub first (./mvnw -B -pl benchmarks -am verify builds it)");
        }
        if (settings.readme() != null) {
            // Before the long run, not after it: a README without its markers fails at once.
            ResultsSection.check(settings.readme());
            checkLoadGenerator(settings.readme(), settings.forceJavaLoad(), WrkLoad.installed());
        }
        deleteRecursively(work);
        Files.createDirectories(work);
        Results results = new Results();
        results.started = clock.instant();
        results.machine = Machine.describe();
        if (settings.idleLoad() > 0) {
            Machine.waitUntilIdle(settings.idleLoad());
        }
        results.loadBefore = Machine.loadAverage();
        results.jvmOptions = String.join(" ", settings.jvmOptions());

        if (settings.launches() > 0) {
            measureStartup(results);
        }

        LoadGenerator generator = !settings.forceJavaLoad() && WrkLoad.installed()
                ? new WrkLoad(work.resolve("wrk"), settings.threads(), settings.connections(), settings.seedCards())
                : new JavaLoad(settings.connections(), settings.seedCards());
        results.generator = generator.describe();
        results.loadSettings = settings.rounds() + " interleaved round(s) of "
                + settings.measure().toMillis()
                + " ms per scenario and server, after " + settings.warmup().toMillis() + " ms of warm-up each"
                + (settings.warmupLimit().compareTo(settings.warmup()) > 0
                        ? " or more, until the JIT settled (at most "
                                + settings.warmupLimit().toMillis() + " ms)"
                        : "")
                + "; " + settings.seedCards() + " seeded cards";

        List<ServerProcess> servers = new ArrayList<>();
        try {
            servers.add(sandbox(Results.FILE, "file", work.resolve("data-load")));
            servers.add(sandbox(Results.MEMORY, "memory", work.resolve("data-unused")));
            servers.add(ceiling());
            for (ServerProcess server : servers) {
                server.awaitReady(READY_TIMEOUT);
                seed(server);
            }
            int run = 0;
            for (Scenario scenario : Scenario.values()) {
                for (ServerProcess server : servers) {
                    Results.Warmup warmup = warmUp(
                            generator,
                            scenario,
                            server.baseUrl(),
                            server::cpuTicks,
                            settings.warmup(),
                            settings.warmupLimit(),
                            run);
                    results.warmups
                            .computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                            .put(server.name, warmup);
                    run += warmup.runs();
                }
            }
            for (int round = 0; round < settings.rounds(); round++) {
                for (Scenario scenario : Scenario.values()) {
                    for (int i = 0; i < servers.size(); i++) {
                        // A different server first in every round, so none always follows the same one.
                        ServerProcess server = servers.get((i + round) % servers.size());
                        results.add(
                                scenario,
                                server.name,
                                generator.run(scenario, server.baseUrl(), run++, settings.measure()));
                    }
                }
            }
            if (settings.forceJavaLoad() && WrkLoad.installed()) {
                WrkLoad wrk = new WrkLoad(work.resolve("wrk"), 2, 2, settings.seedCards());
                for (Scenario scenario : Scenario.values()) {
                    results.wrkCheck.put(
                            scenario, wrk.run(scenario, servers.get(2).baseUrl(), run++, Duration.ofSeconds(1)));
                }
            }
            for (ServerProcess server : servers) {
                results.residentAfterLoad.put(server.name, server.residentMib());
            }
            // Keep the table's order whatever the interleaving.
            results.load.replaceAll((scenario, byServer) -> ordered(byServer));
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
        // The client against a memory sandbox of its own, seeded and warmed like the loaded ones,
        // with nothing else running: the memory sandbox just loaded holds every card the POST
        // scenario created, its heap at the cap, and its collections fell on some passes and not
        // on others.
        try (ServerProcess server = sandbox(Results.MEMORY, "memory", work.resolve("data-unused"))) {
            server.awaitReady(READY_TIMEOUT);
            seed(server);
            generator.run(Scenario.GET_BY_PHONE, server.baseUrl(), 0, settings.warmup());
            results.client = measureClient(server);
        }
        results.loadAfter = Machine.loadAverage();
        results.finished = clock.instant();
        Files.createDirectories(settings.output().toAbsolutePath().getParent());
        Files.writeString(settings.output(), results.markdown());
        if (settings.readme() != null) {
            ResultsSection.replace(settings.readme(), results.readmeSection());
        }
        return results;
    }

    private static Map<String, List<LoadResult>> ordered(Map<String, List<LoadResult>> byServer) {
        Map<String, List<LoadResult>> ordered = new LinkedHashMap<>();
        for (String server : List.of(Results.FILE, Results.MEMORY, Results.CEILING)) {
            if (byServer.containsKey(server)) {
                ordered.put(server, byServer.get(server));
            }
        }
        return ordered;
    }

    private ServerProcess sandbox(String name, String storage, Path dataDir) throws IOException {
        return ServerProcess.start(
                name,
                ServerProcess.java(
                        settings.jvmOptions(), "-jar", settings.serverJar().toString()),
                Map.of("CONTACT_CARD_STORAGE", storage, "CONTACT_CARD_DATA_DIR", dataDir.toString()),
                work,
                work.resolve("logs").resolve(storage + ".log"));
    }

    private ServerProcess ceiling() throws IOException {
        return ServerProcess.start(
                Results.CEILING,
                ServerProcess.ceiling(settings.jvmOptions(), System.getProperty("java.class.path")),
                Map.of(),
                work,
                work.resolve("logs").resolve("ceiling.log"));
    }

    /**
     * A run that rewrites {@code readme} loads the servers with wrk, unless told to use the Java
     * generator: that one runs in this JVM, on the same cores as the servers it loads, so its
     * figures are lower and cannot be compared with wrk's in the section it would replace.
     */
    static void checkLoadGenerator(Path readme, boolean forceJavaLoad, boolean wrkInstalled) {
        if (readme != null && !forceJavaLoad && !wrkInstalled) {
            throw new IllegalStateException("wrk is not installed (Debian: apt-get install -y wrk), and the results"
                    + " section of " + readme + " is written from wrk's figures only: -Dbench.java.load=true writes"
                    + " it from the Java load generator's instead, -Dbench.readme= leaves it alone");
        }
    }

    /**
     * Loads the server at {@code baseUrl} with {@code scenario} for {@code least}, then on in
     * slices of {@link Settings#WARMUP_SLICE} while its JIT compilers used at least {@link
     * Settings#SETTLED_COMPILER_SHARE} of its CPU in the last slice (the least warm-up's own last
     * slice counts), up to {@code limit}. With no limit above the least, a least no longer than a
     * slice, or no CPU figures ({@code ticks} empty: no {@code /proc}), the least only.
     */
    static Results.Warmup warmUp(
            LoadGenerator generator,
            Scenario scenario,
            String baseUrl,
            Supplier<Optional<ServerProcess.CpuTicks>> ticks,
            Duration least,
            Duration limit,
            int firstRun)
            throws Exception {
        Duration slice = Settings.WARMUP_SLICE;
        if (limit.compareTo(least) <= 0
                || least.compareTo(slice) <= 0
                || ticks.get().isEmpty()) {
            generator.run(scenario, baseUrl, firstRun, least);
            return new Results.Warmup(least, 1, Results.Warmup.End.FIXED);
        }
        int run = firstRun;
        Duration done = least.minus(slice);
        generator.run(scenario, baseUrl, run++, done);
        while (done.compareTo(limit) < 0) {
            Optional<ServerProcess.CpuTicks> before = ticks.get();
            generator.run(scenario, baseUrl, run++, slice);
            Optional<ServerProcess.CpuTicks> after = ticks.get();
            done = done.plus(slice);
            if (before.isEmpty() || after.isEmpty()) {
                return new Results.Warmup(done, run - firstRun, Results.Warmup.End.FIXED);
            }
            if (after.get().compilerShareSince(before.get()) < Settings.SETTLED_COMPILER_SHARE) {
                return new Results.Warmup(done, run - firstRun, Results.Warmup.End.SETTLED);
            }
        }
        return new Results.Warmup(done, run - firstRun, Results.Warmup.End.STILL_COMPILING);
    }

    /** Creates the seeded cards that GET and PATCH read and change. */
    private void seed(ServerProcess server) throws IOException, InterruptedException {
        for (int card = 0; card < settings.seedCards(); card++) {
            HttpRequest create = HttpRequest.newBuilder(URI.create(server.baseUrl() + Scenario.PATH))
                    .header("Authorization", "Bearer " + Scenario.API_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Scenario.createBody(Scenario.seeded(card))))
                    .build();
            HttpResponse<String> response = HTTP.send(create, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Seeding " + server.name + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** One launch command of the start-up measurement. */
    private record Launch(String name, List<String> command) {}

    /**
     * Every launch command {@link Settings#launches()} times, interleaved: launch 1 of every
     * command, then launch 2 of every command (a different one first), and so on, so that a change
     * in what else runs on the machine falls on every command alike. The commands: the sandbox's
     * documented launch, the ceiling with the same JVM options, and for comparison the executable
     * jar itself (nested jars) and, with {@link Settings#startupVariants()}, the options that might
     * pay and {@code spring-boot:run}.
     */
    private void measureStartup(Results results) throws Exception {
        Path data = work.resolve("data-startup");
        List<String> documented = settings.jvmOptions();
        String jar = settings.serverJar().toString();
        // One launch first, not counted: it creates the database and warms the page cache.
        try (ServerProcess warmUp = launch(new Launch("warm-up", ServerProcess.java(documented, "-jar", jar)), data)) {
            warmUp.awaitReady(READY_TIMEOUT);
        }
        List<Launch> launches = new ArrayList<>();
        launches.add(new Launch(Results.STARTUP_SANDBOX, ServerProcess.java(documented, "-jar", jar)));
        launches.add(new Launch(
                Results.STARTUP_CEILING, ServerProcess.ceiling(documented, System.getProperty("java.class.path"))));
        if (settings.execJar() != null) {
            launches.add(new Launch(
                    "java -jar of the executable jar (one file, nested jars)",
                    ServerProcess.java(documented, "-jar", settings.execJar().toString())));
        }
        if (settings.startupVariants()) {
            launches.add(new Launch("java -jar (JVM defaults)", ServerProcess.java(List.of(), "-jar", jar)));
            launches.add(new Launch(
                    "+ lazy initialization",
                    ServerProcess.java(plus(documented, "-Dspring.main.lazy-initialization=true"), "-jar", jar)));
            launches.add(new Launch(
                    "+ C1 only (-XX:TieredStopAtLevel=1)",
                    ServerProcess.java(plus(documented, "-XX:TieredStopAtLevel=1"), "-jar", jar)));
            trainClassDataSharing(documented);
            String archive = "-XX:SharedArchiveFile=" + work.resolve("sandbox.jsa");
            launches.add(new Launch(
                    "+ AppCDS (dynamic archive, trained once)",
                    ServerProcess.java(plus(documented, archive), "-jar", jar)));
            launches.add(new Launch(
                    "+ AppCDS + C1 only",
                    ServerProcess.java(plus(documented, archive, "-XX:TieredStopAtLevel=1"), "-jar", jar)));
            if (settings.projectRoot() != null) {
                Path mvnw =
                        settings.projectRoot().resolve("mvnw").toAbsolutePath().normalize();
                launches.add(new Launch(
                        "./mvnw -B -T1 -pl server-stub -am spring-boot:run",
                        List.of(mvnw.toString(), "-B", "-q", "-T1", "-pl", "server-stub", "-am", "spring-boot:run")));
            }
        }
        Map<Launch, List<Duration>> times = new LinkedHashMap<>();
        Map<Launch, Long> resident = new HashMap<>();
        launches.forEach(launch -> times.put(launch, new ArrayList<>()));
        for (int round = 0; round < settings.launches(); round++) {
            for (int i = 0; i < launches.size(); i++) {
                Launch launch = launches.get((i + round) % launches.size());
                try (ServerProcess server = launch(launch, data)) {
                    times.get(launch).add(server.awaitReady(READY_TIMEOUT));
                    resident.put(launch, server.residentMib());
                }
            }
        }
        times.forEach((launch, measured) -> results.startups.add(
                new Results.Startup(launch.name(), shown(launch), measured, resident.get(launch))));
    }

    private ServerProcess launch(Launch launch, Path data) throws IOException {
        return ServerProcess.start(
                launch.name(),
                launch.command(),
                Map.of("CONTACT_CARD_DATA_DIR", data.toAbsolutePath().toString()),
                launch.name().startsWith("./mvnw") ? settings.projectRoot() : work,
                work.resolve("logs").resolve("startup.log"));
    }

    private String shown(Launch launch) {
        String command = String.join(" ", launch.command());
        if (launch.name().equals(Results.STARTUP_CEILING)) {
            command = command.replace(System.getProperty("java.class.path"), "<benchmarks' class path>");
        }
        if (settings.execJar() != null) {
            command = command.replace(
                    settings.execJar().toString(),
                    "server-stub/target/" + settings.execJar().getFileName());
        }
        return command.replace(settings.serverJar().toString(), "server-stub/target/sandbox/contact-card-server.jar")
                .replace(work.toString(), "bench-work")
                .replaceAll("^\\S*/bin/java", "java")
                .replaceAll("^\\S*/mvnw", "./mvnw");
    }

    /**
     * Spring Boot's recipe for class-data sharing on the extracted layout: one training run that
     * stops once the context is refreshed and writes the archive of the classes it loaded.
     */
    private void trainClassDataSharing(List<String> options) throws Exception {
        exec(ServerProcess.java(
                plus(
                        options,
                        "-XX:ArchiveClassesAtExit=" + work.resolve("sandbox.jsa"),
                        "-Dspring.context.exit=onRefresh",
                        // File storage, as the measured launches: H2, Hikari and Flyway are archived too.
                        "-Dcontactcard.storage.data-dir=" + work.resolve("data-training")),
                "-jar",
                settings.serverJar().toString()));
    }

    private void exec(List<String> command) throws Exception {
        Path log = work.resolve("logs").resolve("exec.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    /**
     * The client against the raw GET in alternating passes (client then raw, then raw then
     * client, ...), each pass one JMH run of both: the ratio is the median of the passes' ratios,
     * so a burst of load elsewhere on the machine falls on both sides of one pass.
     */
    private Results.Client measureClient(ServerProcess server) throws Exception {
        int passes = settings.jmhFull() ? 5 : 1;
        String how = settings.jmhFull()
                ? passes + " alternating passes, each 1 fork per benchmark, 3 × 1 s warm-up, 3 × 2 s"
                        + " measurement, sample mode, one thread, against a memory sandbox of its own (seeded, warmed)"
                : "quick: in-process, 200 ms warm-up, 300 ms measurement";
        List<Double> clientMedians = new ArrayList<>();
        List<Double> rawMedians = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> clientBytes = new ArrayList<>();
        List<Double> rawBytes = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            List<String> order = pass % 2 == 0 ? List.of("client", "raw") : List.of("raw", "client");
            Map<String, RunResult> byMethod = new HashMap<>();
            for (String method : order) {
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .include(ClientBenchmark.class.getName() + "\\." + method + "$")
                        .param("baseUrl", server.baseUrl() + "/api/partner")
                        .param("phoneNumber", Scenario.seeded(0))
                        .addProfiler(GCProfiler.class)
                        .shouldFailOnError(true);
                if (settings.jmhFull()) {
                    options.forks(1)
                            .warmupIterations(3)
                            .warmupTime(TimeValue.seconds(1))
                            .measurementIterations(3)
                            .measurementTime(TimeValue.seconds(2));
                } else {
                    options.forks(0)
                            .warmupIterations(1)
                            .warmupTime(TimeValue.milliseconds(200))
                            .measurementIterations(1)
                            .measurementTime(TimeValue.milliseconds(300));
                }
                byMethod.put(method, find(new Runner(options.build()).run(), method));
            }
            double client =
                    byMethod.get("client").getPrimaryResult().getStatistics().getPercentile(50);
            double raw = byMethod.get("raw").getPrimaryResult().getStatistics().getPercentile(50);
            clientMedians.add(client);
            rawMedians.add(raw);
            ratios.add(client / raw);
            clientBytes.add(allocated(byMethod.get("client")));
            rawBytes.add(allocated(byMethod.get("raw")));
        }
        return new Results.Client(
                medianOf(clientMedians), medianOf(rawMedians), medianOf(clientBytes), medianOf(rawBytes), ratios, how);
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static RunResult find(Collection<RunResult> runs, String method) {
        return runs.stream()
                .filter(run -> run.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No JMH result for " + method));
    }

    private static double allocated(RunResult run) {
        Map<String, Result> secondary = run.getSecondaryResults();
        Result norm = secondary.containsKey("gc.alloc.rate.norm")
                ? secondary.get("gc.alloc.rate.norm")
                : secondary.get("·gc.alloc.rate.norm");
        return norm == null ? Double.NaN : norm.getScore();
    }

    private static List<String> plus(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
