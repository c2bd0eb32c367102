package dev.contactcard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (https://github.com/wg/wrk) with a Lua script per scenario; the script's {@code done} hook
 * prints one {@code BENCH} line with the count, the duration, p50, p99 and the errors, which
 * {@link #parse} reads.
 */
final class WrkLoad implements LoadGenerator {

    private static final Pattern RESULT = Pattern.compile(
            "BENCH requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+) status_errors=(\\d+) socket_errors=(\\d+)");

    private static final String COMMON = """
            -- tid: set on each thread's own Lua state by setup() below (a global, not a local).
            local threads = 0
            local i = 0
            local seed = tonumber(os.getenv("BENCH_SEED"))
            local run = tonumber(os.getenv("BENCH_RUN"))
            local path = "%s"
            local auth = "Bearer %s"

            function setup(thread)
              thread:set("tid", threads)
              threads = threads + 1
            end

            function init(args)
              tid = tid or 0
            end

            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("BENCH requests=%%d duration_us=%%d p50_us=%%d p99_us=%%d status_errors=%%d socket_errors=%%d\\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                e.status, e.connect + e.read + e.write + e.timeout))
            end
            """;

    private static final Map<Scenario, String> REQUESTS =
            Map.of(Scenario.GET_BY_PHONE, """
            local headers = { ["Authorization"] = auth }
            request = function()
              i = i + 1
              return wrk.format("GET", path .. "?phone_number=%%2B1555" .. string.format("%%07d", (i + tid * 7) %% seed), headers)
            end
            """, Scenario.POST_NEW_NUMBER, """
            local headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
            request = function()
              i = i + 1
              local body = string.format('{"phone_number":"+1%%03d%%02d%%08d","first_name":"Bench","last_name":"Mark"}',
                700 + run %% 300, tid, i)
              return wrk.format("POST", path, headers, body)
            end
            """, Scenario.PATCH, """
            local headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
            request = function()
              i = i + 1
              local n = (i + tid * 7) %% seed
              return wrk.format("PATCH", path .. "?phone_number=%%2B1555" .. string.format("%%07d", n), headers,
                string.format('{"last_name":"Patched %%d"}', i %% 100))
            end
            """);

    private final Path scripts;
    private final int threads;
    private final int connections;
    private final int seed;

    WrkLoad(Path scripts, int threads, int connections, int seed) {
        this.scripts = scripts;
        this.threads = threads;
        this.connections = connections;
        this.seed = seed;
    }

    /** Whether {@code wrk} is on the PATH. */
    static boolean installed() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            probe.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String script(Scenario scenario) {
        return String.format(COMMON, Scenario.PATH, Scenario.API_KEY) + String.format(REQUESTS.get(scenario));
    }

    @Override
    public LoadResult run(Scenario scenario, String baseUrl, int run, Duration duration) throws Exception {
        Files.createDirectories(scripts);
        Path script = scripts.resolve(scenario.name().toLowerCase() + ".lua");
        Files.writeString(script, script(scenario));
        long seconds = Math.max(1, Math.round(duration.toMillis() / 1000.0));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        "wrk",
                        "-t" + threads,
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "-s",
                        script.toString(),
                        baseUrl))
                .redirectErrorStream(true);
        builder.environment().put("BENCH_SEED", Integer.toString(seed));
        builder.environment().put("BENCH_RUN", Integer.toString(run));
        Process wrk = builder.start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return parse(output);
    }

    static LoadResult parse(String output) {
        Matcher matcher = RESULT.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("No BENCH line in the output of wrk:\n" + output);
        }
        return new LoadResult(
                Long.parseLong(matcher.group(1)),
                Long.parseLong(matcher.group(2)) / 1e6,
                Long.parseLong(matcher.group(3)),
                Long.parseLong(matcher.group(4)),
                Long.parseLong(matcher.group(5)),
                Long.parseLong(matcher.group(6)));
    }

    @Override
    public String describe() {
        return "wrk, " + threads + " threads, " + connections + " connections";
    }
}
