package dev.contactcard.contract.provider;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
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
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Verifies pacts, of every consumer, against the reference provider, started for real on a
 * random loopback port with in-memory storage: one state-setup method per provider state, and
 * the replayed requests exactly as the consumer recorded them.
 *
 * <p>Before each interaction the provider is emptied of cards; its provider states, applied in
 * the order the pact lists them, only add to that. A provider state the provider does not know
 * fails the interaction with a message naming it and listing the known ones (the catalogue is in
 * {@code contract-tests/README.md}).
 *
 * <p>Subclasses name where the pacts come from ({@code @PactFolder} or {@code @PactBroker}); the
 * drift tests override {@link #drift()} to verify against a deliberately non-conforming variant.
 * The reference provider, and the one provider that carries the variants, are each started once
 * per test JVM and shared by every verification class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferenceProviderVerification {

    static final String PROVIDER = "contact-card-provider";
    static final String PACT_FOLDER = "target/pacts";

    /** The partner of the provider state "a card of another partner exists for the number". */
    static final String OTHER_PARTNER = "other-partner";

    /** The sandbox's keys, plus a read-write key of {@link #OTHER_PARTNER}. */
    static final String API_KEYS =
            SandboxKeys.DEFAULT_CONFIGURATION + ",other-partner-rw-key:" + OTHER_PARTNER + ":read-write";

    private ConfigurableApplicationContext provider;

    /** The drift the provider shows; {@code null} (the reference provider itself) unless overridden. */
    ProviderVariants.Drift drift() {
        return null;
    }

    @BeforeAll
    void startProvider() {
        provider = drift() == null ? Providers.reference() : Providers.withVariants();
        ProviderVariants.select(drift());
    }

    @AfterAll
    void deselectTheDrift() {
        ProviderVariants.select(null);
    }

    @BeforeEach
    void prepare(PactVerificationContext context) {
        requireKnownStates(context.getInteraction(), context.getConsumer().getName());
        cards().deleteAll();
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
        String phoneNumber = phoneNumber(params);
        if (cards().find(SandboxKeys.PARTNER, phoneNumber).isPresent()) {
            throw new IllegalStateException("A card for " + phoneNumber + " exists although the state says none does");
        }
    }

    @State("the partner has no card")
    void thePartnerHasNoCard() {
        if (!cards().findAll(SandboxKeys.PARTNER).isEmpty()) {
            throw new IllegalStateException("The partner has cards although the state says it has none");
        }
    }

    // README:begin states
    @State("an active card exists for the number")
    void anActiveCardExists(Map<String, Object> params) {
        cards().save(card(SandboxKeys.PARTNER, params, true));
    }

    @State("an inactive card exists for the number")
    void anInactiveCardExists(Map<String, Object> params) {
        cards().save(card(SandboxKeys.PARTNER, params, false));
    }

    @State("a card of another partner exists for the number")
    void anotherPartnersCardExists(Map<String, Object> params) {
        cards().save(card(OTHER_PARTNER, params, true));
    }

    @State("the apply step fails for the number")
    void theApplyStepFails(Map<String, Object> params) {
        String phoneNumber = phoneNumber(params);
        if (!SandboxCardApplier.isFailingTestNumber(phoneNumber)) {
            throw new IllegalStateException(phoneNumber + " is not one of the sandbox's failing test numbers");
        }
    }
    // README:end states

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

    // ------------------------------------------------------------------ helpers

    /** Fails, naming the state and listing the known ones, when the interaction needs a state this class lacks. */
    private void requireKnownStates(Interaction interaction, String consumer) {
        Set<String> known = knownStates();
        List<String> unknown = interaction.getProviderStates().stream()
                .map(ProviderState::getName)
                .filter(name -> name != null && !known.contains(name))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The pact of " + consumer + " needs the provider state(s) "
                    + unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                    + " for '" + interaction.getDescription() + "', which the provider does not know. Known states: "
                    + known.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                    + " (catalogue: contract-tests/README.md)");
        }
    }

    private Set<String> knownStates() {
        Set<String> known = new TreeSet<>();
        for (Class<?> type = getClass(); type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                State state = method.getAnnotation(State.class);
                if (state != null) {
                    known.addAll(Arrays.asList(state.value()));
                }
            }
        }
        return known;
    }

    private static ContactCardRecord card(String partner, Map<String, Object> params, boolean active) {
        return ContactCardRecord.of(
                partner,
                phoneNumber(params),
                required(params, "first_name"),
                optional(params, "last_name"),
                optional(params, "image_url"),
                active);
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

    private static String optional(Map<String, Object> params, String name) {
        Object value = params.get(name);
        return value == null ? null : value.toString();
    }

    /** The providers of this test JVM, each started on first use and stopped when the JVM exits. */
    static final class Providers {

        private static ConfigurableApplicationContext reference;
        private static ConfigurableApplicationContext withVariants;

        private Providers() {}

        static synchronized ConfigurableApplicationContext reference() {
            if (reference == null) {
                reference = start();
            }
            return reference;
        }

        static synchronized ConfigurableApplicationContext withVariants() {
            if (withVariants == null) {
                withVariants = start(ProviderVariants.Installed.class);
            }
            return withVariants;
        }

        private static ConfigurableApplicationContext start(Class<?>... variants) {
            // README:begin start
            // Command-line arguments, not default properties: they must win over the sandbox's
            // application.yaml (port 8080, file storage) and over the environment.
            return new SpringApplicationBuilder(ContactCardSandboxApplication.class)
                    .sources(variants)
                    .run(
                            "--server.address=127.0.0.1",
                            "--server.port=0",
                            "--contactcard.storage.mode=memory",
                            "--contactcard.api-keys=" + API_KEYS,
                            "--contactcard.validate-responses=true");
            // README:end start
        }
    }
}
