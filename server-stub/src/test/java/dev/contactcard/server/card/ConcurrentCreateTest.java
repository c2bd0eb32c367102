package dev.contactcard.server.card;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.SpecValidatingClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two creates of one number at the same moment end with exactly one card. */
class ConcurrentCreateTest extends ApiTest {

    private static final int ROUNDS = 10;

    @Test
    void twoSimultaneousCreatesOfOneNumberGiveOneCardOneSuccessAndOneConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String number = "+1555000" + String.format("%04d", round);
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> create = () -> {
                    SpecValidatingClient client = new SpecValidatingClient(port);
                    start.await();
                    return client.create(READ_WRITE, """
                            {"first_name": "John", "phone_number": "%s"}""".formatted(number)).status();
                };
                Future<Integer> first = pool.submit(create);
                Future<Integer> second = pool.submit(create);
                start.countDown();

                List<Integer> statuses = new ArrayList<>(List.of(first.get(), second.get()));
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                assertThat(repository.findAll(PARTNER))
                        .filteredOn(card -> card.phoneNumber().equals(number))
                        .singleElement()
                        .extracting(ContactCardRecord::active)
                        .isEqualTo(true);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoSimultaneousInsertsOfOneNumberIntoTheDatabaseStoreExactlyOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                ContactCardRecord card = ContactCardRecord.of(
                        PARTNER, "+1555111" + String.format("%04d", round), "John", null, null, false);
                CountDownLatch start = new CountDownLatch(1);
                Callable<Boolean> insert = () -> {
                    start.await();
                    return repository.insert(card);
                };
                Future<Boolean> first = pool.submit(insert);
                Future<Boolean> second = pool.submit(insert);
                start.countDown();

                assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
                assertThat(repository.findAll(PARTNER))
                        .filteredOn(c -> c.phoneNumber().equals(card.phoneNumber()))
                        .hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
