package dev.contactcard.contract.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import dev.contactcard.server.ContactCardSandboxApplication;
import dev.contactcard.server.auth.ApiKeyRegistry;
import dev.contactcard.server.auth.Caller;
import dev.contactcard.server.auth.Permission;
import dev.contactcard.server.auth.SandboxKeys;
import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.card.ContactCardRepository;
import dev.contactcard.server.card.SandboxCardApplier;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Verifies pacts against the reference provider, started for real on a random loopback port with
 * in-memory storage: one state-setup method per provider state, and the replayed requests exactly
 * as the consumer recorded them.
 *
 * <p>Subclasses name where the pacts come from ({@code @PactFolder} or {@code @PactBroker}) and
 * may add configuration to the provider: the drift tests use that to start deliberately
 * non-conforming variants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferenceProviderVerification {

    static final String PROVIDER = "contact-card-provider";
    static final String PACT_FOLDER = "target/pacts";
    private static final String IMAGE = "https://cdn.linqapp.com/contact-card/example.jpg";

    private ConfigurableApplicationContext provider;

    /** Configuration classes added to the provider; none for the reference provider itself. */
    Class<?>[] providerVariant() {
        return new Class<?>[0];
    }

    @BeforeAll
    void startProvider() {
        // Command-line arguments, not default properties: they must win over the sandbox's
        // application.yaml (port 8080, file storage) and over the environment.
        provider = new SpringApplicationBuilder(ContactCardSandboxApplication.class)
                .sources(providerVariant())
                .run("--server.address=127.0.0.1", "--server.port=0", "--contactcard.storage.mode=memory");
    }

    @AfterAll
    void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void aimAtTheProvider(PactVerificationContext context) {
        int port = provider.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        context.setTarget(new HttpTestTarget("127.0.0.1", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void theProviderHonoursTheInteraction(PactVerificationContext context) {
        context.verifyInteraction();
    }

    // ------------------------------------------------------------------ provider states

    @State("no card exists for the number")
    void noCardExists(Map<String, Object> params) {
        cards().deleteAll();
    }

    @State("an active card exists for the number")
    void anActiveCardExists(Map<String, Object> params) {
        cards().deleteAll();
        cards().save(ContactCardRecord.of(SandboxKeys.PARTNER, phoneNumber(params), "John", "Doe", IMAGE, true));
    }

    @State("the apply step fails for the number")
    void theApplyStepFails(Map<String, Object> params) {
        String phoneNumber = phoneNumber(params);
        if (!SandboxCardApplier.isFailingTestNumber(phoneNumber)) {
            throw new IllegalStateException(phoneNumber + " is not one of the sandbox's failing test numbers");
        }
        cards().deleteAll();
    }

    @State("the API key is read-only")
    void theKeyIsReadOnly(Map<String, Object> params) {
        Optional<Caller> caller = keys().authenticate(apiKey(params));
        if (caller.map(Caller::permission).filter(Permission.READ_ONLY::equals).isEmpty()) {
            throw new IllegalStateException("The provider does not know " + apiKey(params) + " as a read-only key");
        }
    }

    @State("the API key is unknown")
    void theKeyIsUnknown(Map<String, Object> params) {
        if (keys().authenticate(apiKey(params)).isPresent()) {
            throw new IllegalStateException(
                    "The provider knows " + apiKey(params) + "; the state needs an unknown key");
        }
    }

    private ContactCardRepository cards() {
        return provider.getBean(ContactCardRepository.class);
    }

    private ApiKeyRegistry keys() {
        return provider.getBean(ApiKeyRegistry.class);
    }

    private static String phoneNumber(Map<String, Object> params) {
        return required(params, "phone_number");
    }

    private static String apiKey(Map<String, Object> params) {
        return required(params, "api_key");
    }

    private static String required(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The provider state needs the parameter " + name + ", got " + params);
        }
        return value.toString();
    }
}
