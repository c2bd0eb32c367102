package dev.contactcard.bench;

import java.time.Duration;

/** Puts one scenario's load on one server for a while: wrk where installed, else {@link JavaLoad}. */
interface LoadGenerator {

    LoadResult run(Scenario scenario, String baseUrl, int run, Duration duration) throws Exception;

    /** The name and settings, for the table. */
    String describe();
}
