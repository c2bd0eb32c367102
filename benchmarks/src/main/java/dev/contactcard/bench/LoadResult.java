package dev.contactcard.bench;

/**
 * One load measurement.
 *
 * @param requests       completed requests
 * @param seconds        how long the load ran
 * @param p50Micros      median latency
 * @param p99Micros      99th-percentile latency
 * @param errorResponses answers other than 2xx
 * @param socketErrors   connect, read, write errors and timeouts
 */
record LoadResult(
        long requests, double seconds, long p50Micros, long p99Micros, long errorResponses, long socketErrors) {

    double perSecond() {
        return requests / seconds;
    }

    boolean clean() {
        return errorResponses == 0 && socketErrors == 0 && requests > 0;
    }
}
