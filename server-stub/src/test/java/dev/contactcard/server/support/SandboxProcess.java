package dev.contactcard.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox started the documented way, {@code java -jar target/sandbox/contact-card-server.jar}
 * (Spring Boot's extraction of the executable jar, made by the build's {@code sandbox-layout} step
 * before the tests), as a separate operating-system process on a random loopback port, exactly as
 * an operator starts it. Maven passes the jar's path as the system property
 * {@code contactcard.sandbox.jar}. {@link #kill()} is SIGKILL ({@link Process#destroyForcibly()}):
 * the process gets no chance to flush or close anything.
 */
public final class SandboxProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final List<String> output;

    private SandboxProcess(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts the jar with the given environment and {@code --name=value} arguments; waits until it listens. */
    public static SandboxProcess start(Map<String, String> environment, String... arguments) {
        String jar = System.getProperty("contactcard.sandbox.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("The sandbox's jar is missing (system property contactcard.sandbox.jar = "
                    + jar + "): run the tests through Maven (./mvnw verify), which builds it first");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start fast: these processes live for seconds.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-jar",
                jar,
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.org.springframework.boot.tomcat=INFO"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            output.add(line);
                            Matcher started = STARTED.matcher(line);
                            if (started.find()) {
                                port.complete(Integer.parseInt(started.group(1)));
                            }
                        }
                    } catch (IOException ignored) {
                        // the process died; the port future fails below
                    }
                    port.completeExceptionally(new IllegalStateException("The sandbox exited before listening"));
                },
                "sandbox-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new SandboxProcess(process, port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS), output);
        } catch (Exception ex) {
            process.destroyForcibly();
            throw new IllegalStateException("The sandbox did not start: " + String.join("\n", output), ex);
        }
    }

    /** Waits (bounded) for the process to exit by itself, as a start refused by the configuration does. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The sandbox is still running: " + String.join("\n", output));
        }
        return process.exitValue();
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** Everything the process printed so far. */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The sandbox survived SIGKILL");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
