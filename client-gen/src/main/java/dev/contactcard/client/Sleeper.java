package dev.contactcard.client;

import java.time.Duration;

/** Waits between retries. Tests inject one that records instead of sleeping. */
@FunctionalInterface
interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
