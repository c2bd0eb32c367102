package dev.contactcard.server.support;

import dev.contactcard.server.ContactCardSandboxApplication;
import dev.contactcard.server.card.CardApplier;
import dev.contactcard.server.card.ContactCardRepository;
import dev.contactcard.server.card.IdempotentCreates;
import dev.contactcard.server.card.SandboxCardApplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The provider on a random port with in-memory storage, checking each of its answers against the
 * spec ({@code contactcard.validate-responses}), as the Pact provider tests start it. One
 * Spring context is shared by every subclass; each test starts with no cards and no uploads.
 */
@SpringBootTest(
        classes = ContactCardSandboxApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "contactcard.storage.mode=memory",
            "contactcard.validate-responses=true",
            // The provider's apply step crashes on EXPLODING_NUMBER on purpose; the tests check the
            // 500 it answers, so the stack trace the handler logs for operators is noise here.
            "logging.level.dev.contactcard.server.error.ErrorBoundary=off"
        })
@Import(ApiTest.Fakes.class)
public abstract class ApiTest {

    /** The apply step of this number throws: an unexpected provider failure. */
    public static final String EXPLODING_NUMBER = "+15550009999";

    @LocalServerPort
    protected int port;

    @Autowired
    protected ContactCardRepository repository;

    @Autowired
    protected RecordingImageRehoster cdn;

    @Autowired
    private IdempotentCreates idempotentCreates;

    protected SpecValidatingClient api;

    @BeforeEach
    void startFromNothing() {
        repository.deleteAll();
        idempotentCreates.forgetAll();
        cdn.clear();
        api = new SpecValidatingClient(port);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        RecordingImageRehoster recordingImageRehoster() {
            return new RecordingImageRehoster();
        }

        /** The sandbox's apply step, plus one number whose apply step crashes. */
        @Bean
        @Primary
        CardApplier explodingOnOneNumber() {
            SandboxCardApplier sandbox = new SandboxCardApplier();
            return card -> {
                if (card.phoneNumber().equals(EXPLODING_NUMBER)) {
                    throw new IllegalStateException("device gateway exploded at 10.0.0.7 (secret internals)");
                }
                return sandbox.apply(card);
            };
        }
    }
}
