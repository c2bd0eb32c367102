package dev.contactcard.server.support;

import dev.contactcard.server.card.CardApplier;
import dev.contactcard.server.card.ContactCardRepository;
import dev.contactcard.server.card.IdempotentCreates;
import dev.contactcard.server.card.SandboxCardApplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The provider on a random port with in-memory storage, checking each of its answers against the
 * spec, as the Pact provider tests start it ({@link ReferenceProvider}), with two test doubles
 * ({@link Fakes}). Started once per test JVM and shared by every subclass; each test starts with
 * no cards, no idempotency keys and no uploads.
 */
public abstract class ApiTest {

    /** The apply step of this number throws: an unexpected provider failure. */
    public static final String EXPLODING_NUMBER = "+15550009999";

    protected int port;

    protected ContactCardRepository repository;

    protected RecordingImageRehoster cdn;

    protected SpecValidatingClient api;

    @BeforeEach
    void startFromNothing() {
        port = ReferenceProvider.port(provider());
        repository = bean(ContactCardRepository.class);
        cdn = bean(RecordingImageRehoster.class);
        repository.deleteAll();
        bean(IdempotentCreates.class).forgetAll();
        cdn.clear();
        api = new SpecValidatingClient(port);
    }

    /** The running provider. */
    protected static ConfigurableApplicationContext provider() {
        return Shared.PROVIDER;
    }

    /** One of the running provider's beans. */
    protected static <T> T bean(Class<T> type) {
        return provider().getBean(type);
    }

    /** Started on first use, stopped when the test JVM exits. */
    private static final class Shared {

        static final ConfigurableApplicationContext PROVIDER = start();

        private static ConfigurableApplicationContext start() {
            ConfigurableApplicationContext provider = ReferenceProvider.onLoopback()
                    // The provider's apply step crashes on EXPLODING_NUMBER on purpose; the tests check
                    // the 500 it answers, so the stack trace the boundary logs for operators is noise here.
                    .with("logging.level.dev.contactcard.server.error.ErrorBoundary", "off")
                    .sources(Fakes.class)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "api-test-provider-stop"));
            return provider;
        }
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
