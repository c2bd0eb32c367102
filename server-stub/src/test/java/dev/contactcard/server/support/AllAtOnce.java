package dev.contactcard.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The race harness of the concurrency tests: every task on a thread of its own, all released at
 * the same moment, so that they reach the provider (or the database) together.
 */
public final class AllAtOnce {

    private AllAtOnce() {}

    /**
     * Runs the tasks together and returns their results in the tasks' order.
     *
     * @throws ExecutionException the first failure of a task (the others still finish)
     */
    public static <T> List<T> run(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The same task {@code times} times together. */
    public static <T> List<T> run(int times, Callable<T> task) throws InterruptedException, ExecutionException {
        return run(java.util.Collections.nCopies(times, task));
    }
}
