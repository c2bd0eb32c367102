package dev.contactcard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the run turns its interleaved rounds into the ratios it judges the targets by. */
class ResultsTest {

    @Test
    void aLoadRatioIsTheMedianOfTheRoundsRatiosNotTheRatioOfTheMedians() {
        Results results = new Results();
        // Per round 0.5, 1.0 and 0.5; the medians alone (20,000 / 30,000) would give 0.67.
        rounds(results, Results.FILE, 10_000, 30_000, 20_000);
        rounds(results, Results.CEILING, 20_000, 30_000, 40_000);

        assertThat(results.ratio(Scenario.GET_BY_PHONE, Results.FILE, Results.CEILING))
                .isEqualTo(0.5);
    }

    @Test
    void withAnEvenNumberOfRoundsTheTwoMiddleRatiosAreAveraged() {
        Results results = new Results();
        rounds(results, Results.FILE, 4_000, 5_000, 9_000, 1_000);
        rounds(results, Results.MEMORY, 10_000, 10_000, 10_000, 10_000);

        assertThat(results.ratio(Scenario.GET_BY_PHONE, Results.FILE, Results.MEMORY))
                .isEqualTo(0.45);
    }

    @Test
    void serversWithoutTheSameRoundsHaveNoRatio() {
        Results results = new Results();
        rounds(results, Results.FILE, 10_000, 20_000);
        rounds(results, Results.CEILING, 20_000);

        assertThat(results.ratio(Scenario.GET_BY_PHONE, Results.FILE, Results.CEILING))
                .isNaN();
        assertThat(results.ratio(Scenario.GET_BY_PHONE, Results.FILE, Results.MEMORY))
                .isNaN();
    }

    private static void rounds(Results results, String server, long... requestsPerSecond) {
        for (long requests : requestsPerSecond) {
            results.add(Scenario.GET_BY_PHONE, server, new LoadResult(requests, 1.0, 500, 2_000, 0, 0));
        }
    }
}
