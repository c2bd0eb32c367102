package com.example.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Contact Card sandbox ({@code contact-card-server-<version>-exec.jar}) as a separate process on
 * a free loopback port, with memory storage and its development keys: what a team runs beside its
 * own build ({@code java -jar contact-card-server-<version>-exec.jar}).
 */
final class Sandbox implements AutoCloseable {

    static final String READ_WRITE_KEY = "sandbox-rw-key";

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final URI baseUrl;

    private Sandbox(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the jar named by the system property {@code sandbox.jar} and waits until it listens. */
    static Sandbox start() throws IOException {
        String jar = System.getProperty("sandbox.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No sandbox jar (system property sandbox.jar = " + jar + ")");
        }
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar,
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--contactcard.storage.mode=memory",
                        "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    Matcher started = STARTED.matcher(line);
                    if (started.find()) {
                        port.complete(Integer.parseInt(started.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process ended; the port future fails below
            }
            port.completeExceptionally(new IllegalStateException("The sandbox exited before listening"));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            int listening = port.get(120, TimeUnit.SECONDS);
            return new Sandbox(process, URI.create("http://127.0.0.1:" + listening + "/api/partner"));
        } catch (Exception e) {
            process.destroyForcibly();
            synchronized (output) {
                throw new IllegalStateException("The sandbox did not start:\n" + String.join("\n", output), e);
            }
        }
    }

    /** The base URL to give the client: {@code http://127.0.0.1:<port>/api/partner}. */
    URI baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
