package dev.contactcard.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.BulkCards;
import dev.contactcard.server.support.HeapWhileListing;
import dev.contactcard.server.support.ReferenceProvider;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Listing all cards of a partner takes memory independent of how many cards it has: the cards are
 * streamed from the database to the answer, so while a listing of 50,000 cards is half-sent to a
 * slow reader, only a few of them are in the heap ({@link HeapWhileListing}). Measured on H2 (in
 * memory: the same lazy query as file mode, without the file's write time);
 * {@code TwoSandboxesOnOnePostgresTest} measures the same on PostgreSQL, plus the bytes held, which
 * on H2 would mostly measure H2's own page cache. Answer validation is off, as by default: with it
 * on, an answer is held whole to be checked.
 */
class ListingAllCardsTakesBoundedMemoryTest {

    static final int CARDS = 50_000;

    /**
     * The cards a listing in progress may hold, whatever their number. A provider that builds the
     * list before writing it holds all of them twice (50,000 records and 50,000 answer models); the
     * streaming one holds none or one.
     */
    static final long CARDS_ALIVE_BOUND = 100;

    /**
     * The heap a listing in progress may hold on PostgreSQL, whatever the number of cards: the
     * streaming provider held 0.3 to 0.4 MiB for 50,000 cards; one that builds the list first held
     * 15.5 MiB.
     */
    static final long BOUND_BYTES = 8L * 1024 * 1024;

    @Test
    void aListingOfFiftyThousandCardsHoldsOnlyAFewOfThemWhileItIsUnderWay() throws Exception {
        // Not validating its answers: the self-check holds the whole answer to judge it.
        try (ConfigurableApplicationContext sandbox = ReferenceProvider.onLoopback()
                .keys("bulk-key:bulk:read-only")
                .with("contactcard.validate-responses", false)
                .start()) {
            assertThat(BulkCards.insert(sandbox.getBean(DataSource.class), "bulk", CARDS))
                    .isEqualTo(CARDS);
            int port = ReferenceProvider.port(sandbox);

            HeapWhileListing.Measure listing = HeapWhileListing.cardsAliveWhileListing(port, "bulk-key");

            assertThat(listing.cards()).isEqualTo(CARDS);
            assertThat(listing.ascending()).as("ascending phone numbers").isTrue();
            assertThat(listing.cardsAlive())
                    .as("cards in the heap while the listing of %,d cards is under way", CARDS)
                    .isLessThan(CARDS_ALIVE_BOUND);
        }
    }
}
