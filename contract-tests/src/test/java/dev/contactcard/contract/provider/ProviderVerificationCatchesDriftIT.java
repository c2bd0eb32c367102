package dev.contactcard.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Provider verification bites: the same pacts, verified the same way against deliberately
 * non-conforming variants of the reference provider, fail on exactly the interactions the drift
 * breaks, and still pass on the others (so the failures are the drift's, not the setup's).
 *
 * <p>The variants' verification classes are nested, so Failsafe never runs them on their own;
 * these tests run them through the JUnit Platform test kit and assert their outcome.
 */
class ProviderVerificationCatchesDriftIT {

    private static final String CONSUMER = "contact-card-client - ";

    @Test
    void aProviderThatRenamesIsActiveFailsEveryInteractionWhoseAnswerHasIt() {
        Outcome outcome = verify(RenamedIsActiveProvider.class);

        assertThat(outcome.failed())
                .containsKeys(
                        CONSUMER + "a create for a number without a card",
                        CONSUMER + "a create whose apply step fails",
                        CONSUMER + "a get of every card of the partner",
                        CONSUMER + "a get of the card of one number",
                        CONSUMER + "an update that changes only the last name");
        assertThat(outcome.failed().values())
                .allSatisfy(message -> assertThat(message).contains("is_active"));
        assertThat(outcome.passed())
                .contains(
                        CONSUMER + "a create for a number that already has an active card",
                        CONSUMER + "a create with a phone number not in E.164 format");
    }

    @Test
    void aProviderThatAnswers200InsteadOf409FailsTheConflictInteractionOnly() {
        Outcome outcome = verify(SecondCreateAcceptedProvider.class);

        assertThat(outcome.failed())
                .containsOnlyKeys(CONSUMER + "a create for a number that already has an active card");
        assertThat(outcome.failed().values())
                .singleElement()
                .satisfies(message -> assertThat(message).contains("409").contains("200"));
        assertThat(outcome.passed()).hasSizeGreaterThanOrEqualTo(13);
    }

    private static Outcome verify(Class<?> verification) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(verification))
                .execute()
                .testEvents();
        Map<String, String> failed = tests.failed().stream()
                .collect(Collectors.toMap(
                        ProviderVerificationCatchesDriftIT::name,
                        event -> event.getPayload(TestExecutionResult.class)
                                .flatMap(TestExecutionResult::getThrowable)
                                .map(Throwable::getMessage)
                                .orElse(""),
                        (a, b) -> a + "\n" + b,
                        TreeMap::new));
        Set<String> passed = tests.succeeded().stream()
                .map(ProviderVerificationCatchesDriftIT::name)
                .collect(Collectors.toCollection(TreeSet::new));
        return new Outcome(failed, passed);
    }

    private static String name(Event event) {
        return event.getTestDescriptor().getDisplayName();
    }

    private record Outcome(Map<String, String> failed, Set<String> passed) {}

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class RenamedIsActiveProvider extends ReferenceProviderVerification {
        @Override
        Class<?>[] providerVariant() {
            return new Class<?>[] {ProviderVariants.RenamesIsActive.class};
        }
    }

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class SecondCreateAcceptedProvider extends ReferenceProviderVerification {
        @Override
        Class<?>[] providerVariant() {
            return new Class<?>[] {ProviderVariants.AcceptsASecondCreate.class};
        }
    }
}
