package dev.contactcard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What the figures were measured on: CPU, cores, memory, JDK, and how busy the machine was. */
final class Machine {

    private Machine() {}

    static String describe() {
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores (nproc), "
                + memoryGib() + " GiB RAM, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    /** The longest {@link #waitUntilIdle} waits. */
    static final Duration IDLE_WAIT = Duration.ofMinutes(5);

    /**
     * Waits until the 1-minute load average is below {@code load} (checked every 5 s), at most
     * {@link #IDLE_WAIT}; then the run starts anyway and its table shows the load it started at.
     * Where {@code /proc/loadavg} cannot be read it does not wait.
     */
    static void waitUntilIdle(double load) throws InterruptedException {
        long deadline = System.nanoTime() + IDLE_WAIT.toNanos();
        double now = oneMinuteLoad();
        if (now >= load) {
            System.out.printf("Waiting for the 1-minute load average (%.2f) to fall below %.2f...%n", now, load);
        }
        while (now >= load && System.nanoTime() < deadline) {
            Thread.sleep(5_000);
            now = oneMinuteLoad();
        }
    }

    /** The 1-minute load average; 0 where {@code /proc/loadavg} cannot be read. */
    static double oneMinuteLoad() {
        String average = loadAverage();
        return average.equals("unknown") ? 0 : Double.parseDouble(average.split(" ")[0]);
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memoryGib() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> String.format("%.1f", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
