package dev.contactcard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How long the benchmark warms a server: until its JIT compilers are nearly idle, within a limit. */
class WarmupTest {

    private static final Duration LEAST = Duration.ofSeconds(20);
    private static final Duration LIMIT = Duration.ofSeconds(90);

    /** The load runs asked for: their run numbers and lengths in seconds. */
    private final List<String> runs = new ArrayList<>();

    private final LoadGenerator generator = new LoadGenerator() {
        @Override
        public LoadResult run(Scenario scenario, String baseUrl, int run, Duration duration) {
            runs.add(run + ":" + duration.toSeconds());
            return new LoadResult(1, duration.toMillis() / 1000.0, 1, 1, 0, 0);
        }

        @Override
        public String describe() {
            return "scripted";
        }
    };

    @Test
    void aServerStillCompilingIsLoadedOnInSlicesUntilItsCompilersAreNearlyIdle() throws Exception {
        // total and compiler ticks as read: once to see that there are any, then before and after
        // each slice: 30% of the CPU in the compilers, then 20%, then 1%.
        Supplier<Optional<ServerProcess.CpuTicks>> ticks =
                script(0, 0, 0, 0, 1_000, 300, 1_000, 300, 2_000, 500, 2_000, 500, 3_000, 510);

        Results.Warmup warmup = BenchmarkRun.warmUp(generator, Scenario.GET_BY_PHONE, "url", ticks, LEAST, LIMIT, 7);

        assertThat(runs).containsExactly("7:15", "8:5", "9:5", "10:5");
        assertThat(warmup).isEqualTo(new Results.Warmup(Duration.ofSeconds(30), 4, Results.Warmup.End.SETTLED));
    }

    @Test
    void aServerAlreadySettledGetsTheLeastWarmUpOnlyItsLastSliceJudged() throws Exception {
        Supplier<Optional<ServerProcess.CpuTicks>> ticks = script(0, 0, 5_000, 900, 6_000, 920);

        Results.Warmup warmup = BenchmarkRun.warmUp(generator, Scenario.PATCH, "url", ticks, LEAST, LIMIT, 0);

        assertThat(runs).containsExactly("0:15", "1:5");
        assertThat(warmup).isEqualTo(new Results.Warmup(LEAST, 2, Results.Warmup.End.SETTLED));
    }

    @Test
    void atTheLimitTheWarmUpEndsSayingItWasStillCompiling() throws Exception {
        Supplier<Optional<ServerProcess.CpuTicks>> ticks = () -> Optional.of(new ServerProcess.CpuTicks(
                runs.size() * 1_000L, runs.size() * 500L)); // half of every slice in the compilers

        Results.Warmup warmup =
                BenchmarkRun.warmUp(generator, Scenario.GET_BY_PHONE, "url", ticks, LEAST, Duration.ofSeconds(30), 0);

        assertThat(runs).containsExactly("0:15", "1:5", "2:5", "3:5");
        assertThat(warmup).isEqualTo(new Results.Warmup(Duration.ofSeconds(30), 4, Results.Warmup.End.STILL_COMPILING));
    }

    @Test
    void withoutCpuFiguresOrALimitAboveTheLeastItIsTheLeastInOneRun() throws Exception {
        Results.Warmup withoutProc =
                BenchmarkRun.warmUp(generator, Scenario.GET_BY_PHONE, "url", Optional::empty, LEAST, LIMIT, 3);
        Results.Warmup withoutLimit =
                BenchmarkRun.warmUp(generator, Scenario.GET_BY_PHONE, "url", script(0, 0), LEAST, LEAST, 4);

        assertThat(runs).containsExactly("3:20", "4:20");
        assertThat(withoutProc).isEqualTo(new Results.Warmup(LEAST, 1, Results.Warmup.End.FIXED));
        assertThat(withoutLimit).isEqualTo(new Results.Warmup(LEAST, 1, Results.Warmup.End.FIXED));
    }

    /** Readings in turn, each a pair of total and compiler ticks. */
    private static Supplier<Optional<ServerProcess.CpuTicks>> script(long... pairs) {
        Deque<ServerProcess.CpuTicks> readings = new ArrayDeque<>();
        for (int i = 0; i < pairs.length; i += 2) {
            readings.add(new ServerProcess.CpuTicks(pairs[i], pairs[i + 1]));
        }
        return () -> Optional.of(readings.isEmpty() ? fail(pairs) : readings.poll());
    }

    private static ServerProcess.CpuTicks fail(long... pairs) {
        throw new AssertionError("more readings than scripted: " + Arrays.toString(pairs));
    }
}
