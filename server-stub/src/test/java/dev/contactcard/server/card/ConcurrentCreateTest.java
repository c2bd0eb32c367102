package dev.contactcard.server.card;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.AllAtOnce;
import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.SpecValidatingClient;
import org.junit.jupiter.api.Test;

/** Two creates of one number at the same moment end with exactly one card. */
class ConcurrentCreateTest extends ApiTest {

    private static final int ROUNDS = 10;

    @Test
    void twoSimultaneousCreatesOfOneNumberGiveOneCardOneSuccessAndOneConflict() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String number = "+1555000" + String.format("%04d", round);

            assertThat(AllAtOnce.run(
                            2,
                            () -> new SpecValidatingClient(port)
                                    .create(READ_WRITE, """
                                    {"first_name": "John", "phone_number": "%s"}""".formatted(number))
                                    .status()))
                    .containsExactlyInAnyOrder(200, 409);
            assertThat(repository.findAll(PARTNER))
                    .filteredOn(card -> card.phoneNumber().equals(number))
                    .singleElement()
                    .extracting(ContactCardRecord::active)
                    .isEqualTo(true);
        }
    }

    @Test
    void twoSimultaneousInsertsOfOneNumberIntoTheDatabaseStoreExactlyOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ContactCardRecord card =
                    ContactCardRecord.of(PARTNER, "+1555111" + String.format("%04d", round), "John", null, null, false);

            assertThat(AllAtOnce.run(2, () -> repository.insert(card))).containsExactlyInAnyOrder(true, false);
            assertThat(repository.findAll(PARTNER))
                    .filteredOn(c -> c.phoneNumber().equals(card.phoneNumber()))
                    .hasSize(1);
        }
    }
}
