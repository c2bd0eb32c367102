package dev.contactcard.server.card;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service and its two steps. A test replaces the sandbox implementations of
 * {@link CardApplier} or {@link ImageRehoster} with a {@code @Primary} bean of its own (or
 * Spring's {@code @MockitoBean} / {@code @TestBean}).
 */
@Configuration(proxyBeanMethods = false)
class CardConfiguration {

    @Bean
    CardApplier cardApplier() {
        return new SandboxCardApplier();
    }

    @Bean
    ImageRehoster imageRehoster() {
        return new SandboxImageRehoster();
    }

    @Bean
    ContactCardService contactCardService(
            ContactCardRepository repository,
            IdempotentCreates idempotentCreates,
            CardApplier applier,
            ImageRehoster rehoster,
            PlatformTransactionManager transactionManager) {
        return new ContactCardService(
                repository, idempotentCreates, applier, rehoster, new TransactionTemplate(transactionManager));
    }
}
