package dev.contactcard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A server the benchmark started in its own process (a JVM, or Maven forking one), on a free
 * loopback port; {@link #close()} stops it and every process it started.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    final String name;
    final int port;
    private final Process process;
    private final long startedNanos;
    private final Path log;

    private ServerProcess(String name, int port, Process process, long startedNanos, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /** Starts {@code command} with {@code PORT} set to a free port; output goes to {@code log}. */
    static ServerProcess start(
            String name, List<String> command, Map<String, String> environment, Path workDir, Path log)
            throws IOException {
        int port = freePort();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        long started = System.nanoTime();
        return new ServerProcess(name, port, builder.start(), started, log);
    }

    /** {@code java <options> -jar <jar>} (or a main class on a classpath, as {@code target}). */
    static List<String> java(List<String> jvmOptions, String... target) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(target));
        return command;
    }

    /** The ceiling ({@code CeilingApplication}) from a flat {@code classpath}, with {@code jvmOptions}. */
    static List<String> ceiling(List<String> jvmOptions, String classpath) {
        return java(jvmOptions, "-cp", classpath, "dev.contactcard.bench.ceiling.CeilingApplication");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Waits for the first answer of the API: a GET of a card by phone number (with the sandbox's
     * development key, which the ceiling ignores) answered 200 or 404, what a team's test suite
     * waits for before its first call. Returns the time since the launch.
     */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        HttpRequest firstCall = HttpRequest.newBuilder(
                        URI.create(baseUrl() + Scenario.PATH + "?phone_number=%2B15550100999"))
                .header("Authorization", "Bearer " + Scenario.API_KEY)
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                int status = PROBE.send(firstCall, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200 || status == 404) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (ConnectException notYet) {
                // Not listening yet.
            } catch (IOException notYet) {
                // Listening, not answering yet.
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(
                name + " did not answer a GET of " + Scenario.PATH + " within " + timeout + "; see " + log);
    }

    /**
     * Resident memory of the server's JVM in MiB, from {@code /proc/<pid>/status}: the launched
     * process itself, or (for Maven's {@code spring-boot:run}) the JVM it forked.
     */
    long residentMib() {
        ProcessHandle jvm = process.toHandle()
                .descendants()
                .filter(child -> child.info().commandLine().orElse("").contains("ContactCardSandboxApplication"))
                .findFirst()
                .orElse(process.toHandle());
        try {
            Matcher matcher = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(jvm.pid()), "status")));
            return matcher.find() ? Long.parseLong(matcher.group(1)) / 1024 : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU the server's JVM has used so far, in clock ticks, in all and in its JIT compiler threads
     * ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}), from {@code /proc/<pid>/task}:
     * what tells a warm-up that the JIT has settled. Empty where there is no {@code /proc}.
     */
    Optional<CpuTicks> cpuTicks() {
        return cpuTicksOf(process.pid());
    }

    /** {@link #cpuTicks()} of any process. */
    static Optional<CpuTicks> cpuTicksOf(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        long total = 0;
        long compilers = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread ended since the listing
                }
                long ticks = CpuTicks.ofStat(stat);
                total += ticks;
                if (CpuTicks.isCompilerThread(stat)) {
                    compilers += ticks;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new CpuTicks(total, compilers));
    }

    /** CPU ticks of a JVM's threads: all of them, and its JIT compiler threads. */
    record CpuTicks(long total, long compilers) {

        /** The share of the JVM's CPU since {@code before} that its JIT compilers used (0 if none was used). */
        double compilerShareSince(CpuTicks before) {
            long used = total - before.total;
            // Compiler threads come and go (the JVM adds them under load): one that ended takes its
            // ticks with it, so a difference can be negative.
            long compiled = Math.max(0, compilers - before.compilers);
            return used <= 0 ? 0 : Math.min(1, (double) compiled / used);
        }

        /** User plus system ticks of one {@code /proc/<pid>/task/<tid>/stat} line (fields 14 and 15). */
        static long ofStat(String stat) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        /** Whether the thread is one of HotSpot's JIT compilers (its name, cut to 15 characters). */
        static boolean isCompilerThread(String stat) {
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
                child.destroyForcibly();
                return child;
            });
        }
        process.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
