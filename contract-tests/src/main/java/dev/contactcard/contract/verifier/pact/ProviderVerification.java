package dev.contactcard.contract.verifier.pact;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import dev.contactcard.contract.verifier.VerifierRun;
import dev.contactcard.contract.verifier.report.Ledger;
import dev.contactcard.contract.verifier.states.ProviderStates;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;

/**
 * Verifies pacts, of every consumer, against a provider through its public API only: each
 * interaction's provider states are set up by {@link ProviderStates}, its request is replayed as
 * the consumer recorded it (with the values its states handed over), and Pact compares the answer
 * with the one recorded; the spec then judges the same answer, so an interaction also fails on an
 * answer the spec does not allow (a field Pact tolerates but the spec does not document).
 *
 * <p>An interaction whose states the provider cannot be put in is not verified: it is reported,
 * with the state and the reason, as aborted (a skipped test in the JUnit report), or, in a strict
 * run, as failed; never as passed. A pact naming a state this class does not know fails, naming
 * the state and the known ones.
 *
 * <p>Subclasses name where the pacts come from ({@code @PactFolder}, {@code @PactBroker} or the
 * verifier's own {@link VerifierPacts}) and which run they verify with ({@link #run()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderVerification {

    /** The provider name every consumer's pact names. */
    public static final String PROVIDER = "contact-card-provider";

    private SpecCheckingTarget target;
    private ProviderStates states;

    /** The run whose target, options and ledger this verification uses. */
    protected abstract VerifierRun run();

    @BeforeEach
    void prepare(PactVerificationContext context) {
        VerifierRun run = run();
        if (target == null) {
            target = new SpecCheckingTarget(run.api());
            states = run.states();
        }
        Interaction interaction = context.getInteraction();
        String name = context.getConsumer().getName() + " - " + interaction.getDescription();
        requireKnownStates(interaction, context.getConsumer().getName());
        Optional<ProviderStates.Unavailable> unavailable = states.prepare(interaction);
        if (unavailable.isPresent()) {
            ProviderStates.Unavailable state = unavailable.get();
            run.ledger().unavailable(state.state(), state.reason(), name);
            String message =
                    "Not verified: the provider cannot be put in the state '" + state.state() + "': " + state.reason();
            if (run.options().strict()) {
                throw new AssertionError(message + " (a strict run fails on every interaction it cannot verify)");
            }
            throw new TestAbortedException(message);
        }
        target.reset();
        context.setTarget(target);
        context.withStateChangeHandlers(states);
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void theProviderHonoursTheInteraction(PactVerificationContext context) {
        Interaction interaction = context.getInteraction();
        if (interaction instanceof SynchronousRequestResponse exchange) {
            run().ledger()
                    .covered(
                            Ledger.Source.PACT,
                            exchange.getRequest().getMethod(),
                            exchange.getResponse().getStatus());
        }
        try {
            context.verifyInteraction();
        } catch (AssertionError drift) {
            throw new AssertionError(
                    target.lastRequest() + ": " + drift.getMessage() + specFindings(), drift.getCause());
        }
        if (!target.lastFindings().isEmpty()) {
            throw new AssertionError(target.lastRequest() + ": the answer matches the pact, but the spec does not"
                    + " allow it:" + specFindings());
        }
    }

    private String specFindings() {
        return target.lastFindings().isEmpty()
                ? ""
                : target.lastFindings().stream().collect(Collectors.joining("\n  - ", "\n  the spec: ", ""));
    }

    /** Fails, naming the state and listing the known ones, when the interaction needs a state nobody sets up. */
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
        Set<String> known = new TreeSet<>(ProviderStates.names());
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
}
