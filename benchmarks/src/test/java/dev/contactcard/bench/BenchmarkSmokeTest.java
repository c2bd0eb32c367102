package dev.contactcard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The harness, once, on tiny durations: every server starts, every scenario runs on every server
 * without an error answer, the client benchmark runs, and the table is written. No figure is
 * judged: benchmarks are not tests.
 */
class BenchmarkSmokeTest {

    @Test
    void oneTinyRoundRunsEveryPartOfTheHarnessAndWritesTheTable() throws Exception {
        Path output = Path.of("target", "smoke", "benchmark-results.md");
        Settings smoke = Settings.smoke(
                Path.of(System.getProperty("bench.server.jar")),
                output,
                Settings.options(System.getProperty("bench.jvm.options", "")));

        Results results = new BenchmarkRun(smoke).run();

        assertThat(results.load).containsOnlyKeys(Scenario.values());
        results.load.forEach((scenario, servers) -> {
            assertThat(servers).containsOnlyKeys(Results.FILE, Results.MEMORY, Results.CEILING);
            servers.forEach((server, rounds) -> assertThat(rounds)
                    .as("%s on %s", scenario, server)
                    .hasSize(1)
                    .allSatisfy(round ->
                            assertThat(round.clean()).as(round.toString()).isTrue()));
        });
        results.wrkCheck.forEach((scenario, result) ->
                assertThat(result.clean()).as("wrk %s: %s", scenario, result).isTrue());
        assertThat(results.residentAfterLoad)
                .allSatisfy((server, mib) -> assertThat(mib).isPositive());
        assertThat(results.client.clientMicros()).isPositive();
        assertThat(results.client.rawBytes()).isPositive();
        assertThat(Files.readString(output))
                .contains("## Targets", "GET by phone", "POST of a new number", "PATCH of a card", Results.CEILING);
    }
}
