package dev.contactcard.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.contactcard.contract.provider.ProviderVariants.Drift;
import java.io.File;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Provider verification bites: the pacts of every consumer, verified the same way against
 * deliberately non-conforming variants of the reference provider ({@link ProviderVariants}),
 * fail on exactly the interactions each drift breaks, with a message that names the drift, and
 * pass on all the others (so the failures are the drift's, not the setup's).
 *
 * <p>The variants' verification classes are nested, so Failsafe never runs them on their own;
 * these tests run them through the JUnit Platform test kit and assert their outcome. They share
 * one provider that carries every variant; each selects its own.
 */
class ProviderVerificationCatchesDriftIT {

    private static final String CLIENT = "contact-card-client - ";
    private static final String DIRECTORY = "directory-service - ";

    /** How many interactions the pacts of every consumer hold together. */
    private static final int INTERACTIONS = interactionsIn(new File(ReferenceProviderVerification.PACT_FOLDER));

    @Test
    void aGetOfANumberWithoutACardAnswering404FailsEveryInteractionThatExpectsTheEmptyList() {
        Outcome outcome = verify(NoCardIsNotFound.class);

        outcome.failsExactly(
                CLIENT + "a get of a number without a card",
                CLIENT + "a get of a number whose only card belongs to another partner",
                DIRECTORY + "a directory look-up of a number without a card");
        outcome.everyFailureSays("status code 200", "404");
    }

    @Test
    void anUpdateThatReplacesInsteadOfMergingFailsEveryUpdateThatLeavesAFieldOut() {
        Outcome outcome = verify(UpdateReplacesTheCard.class);

        outcome.failsExactly(
                CLIENT + "an update that changes only the last name",
                CLIENT + "an update that removes the image",
                CLIENT + "an update that removes the last name",
                CLIENT + "an update with an empty body");
        outcome.everyFailureSays("has a matching body");
    }

    @Test
    void aReadOnlyKeyAllowedToUpdateFailsTheReadOnlyUpdateOnly() {
        Outcome outcome = verify(ReadOnlyKeyMayUpdate.class);

        outcome.failsExactly(CLIENT + "an update with a read-only API key");
        outcome.everyFailureSays("status code 403", "200");
    }

    @Test
    void aGetThatShowsAnotherPartnersCardFailsTheOtherPartnerInteractionOnly() {
        Outcome outcome = verify(ShowsOtherPartnersCards.class);

        outcome.failsExactly(CLIENT + "a get of a number whose only card belongs to another partner");
        outcome.everyFailureSays("Expected an empty List");
    }

    @Test
    void aListInAnotherOrderThanByPhoneNumberFailsTheTwoCardListOnly() {
        Outcome outcome = verify(ListsInAnotherOrder.class);

        outcome.failsExactly(CLIENT + "a get of every card of a partner with two cards");
        outcome.everyFailureSays("+15005550042");
    }

    @Test
    void aPhoneNumberRuleNarrowedToNorthAmericaFailsTheNumberOutsideNorthAmerica() {
        Outcome outcome = verify(NorthAmericanNumbersOnly.class);

        outcome.failsExactly(CLIENT + "a create for a number outside North America");
        outcome.everyFailureSays("status code 200", "400");
    }

    @Test
    void aFirstNameLimitNarrowedTo50FailsTheHundredCharacterName() {
        Outcome outcome = verify(FirstNamesOfAtMost50.class);

        outcome.failsExactly(CLIENT + "a create with a first name of exactly 100 characters");
        outcome.everyFailureSays("status code 200", "400");
    }

    @Test
    void aProviderThatRenamesIsActiveFailsEveryInteractionWhoseAnswerHasIt() {
        Outcome outcome = verify(RenamesIsActive.class);

        outcome.failsExactly(
                CLIENT + "a create for a number without a card",
                CLIENT + "a create for a number outside North America",
                CLIENT + "a create with a first name of exactly 100 characters",
                CLIENT + "a create whose apply step fails",
                CLIENT + "a create for a number whose card is inactive",
                CLIENT + "a get of every card of a partner with two cards",
                CLIENT + "a get of the card of one number",
                CLIENT + "a get of a number whose card is inactive",
                CLIENT + "a get with a read-only API key",
                CLIENT + "an update that changes only the last name",
                CLIENT + "an update that removes the image",
                CLIENT + "an update that removes the last name",
                CLIENT + "an update with an empty body",
                DIRECTORY + "a directory listing of every card",
                DIRECTORY + "a directory look-up of a number with a card");
        outcome.everyFailureSays("is_active");
    }

    @Test
    void aProviderThatAnswers200InsteadOf409FailsTheConflictInteractionOnly() {
        Outcome outcome = verify(AcceptsASecondCreate.class);

        outcome.failsExactly(CLIENT + "a create for a number that already has an active card");
        outcome.everyFailureSays("status code 409", "200");
    }

    @Test
    void aPactNamingAProviderStateTheProviderDoesNotKnowFailsNamingItAndTheKnownStates() {
        Outcome outcome = verify(UnknownStateConsumer.class);

        assertThat(outcome.failed()).containsOnlyKeys("unknown-state-consumer - a get of a card kept in the archive");
        outcome.everyFailureSays(
                "'an archived card exists for the number'",
                "which the provider does not know",
                "Known states: ",
                "'an active card exists for the number'",
                "'the API key is read-only'");
        assertThat(outcome.passed()).containsExactly("unknown-state-consumer - a get of a number without a card");
    }

    // ------------------------------------------------------------------ the test kit

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
                                .map(ProviderVerificationCatchesDriftIT::messages)
                                .orElse(""),
                        (a, b) -> a + "\n" + b,
                        TreeMap::new));
        Set<String> passed = tests.succeeded().stream()
                .map(ProviderVerificationCatchesDriftIT::name)
                .collect(Collectors.toCollection(TreeSet::new));
        return new Outcome(failed, passed);
    }

    /** The message of a failure and of each of its causes (a failed provider state says why in its cause). */
    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(messages.length() == 0 ? "" : "\ncaused by: ").append(cause.getMessage());
        }
        return messages.toString();
    }

    private static int interactionsIn(File folder) {
        File[] pacts = folder.listFiles((dir, name) -> name.endsWith(".json"));
        assertThat(pacts).as("pacts in %s", folder).isNotEmpty();
        return Stream.of(pacts)
                .mapToInt(pact -> DefaultPactReader.INSTANCE
                        .loadPact(pact)
                        .getInteractions()
                        .size())
                .sum();
    }

    private static String name(Event event) {
        return event.getTestDescriptor().getDisplayName();
    }

    private record Outcome(Map<String, String> failed, Set<String> passed) {

        /** Exactly these interactions failed; every other interaction of every pact passed. */
        void failsExactly(String... interactions) {
            assertThat(failed.keySet())
                    .as("the interactions that failed (their messages: %s)", failed)
                    .containsExactlyInAnyOrder(interactions);
            assertThat(passed.size() + failed.size())
                    .as("interactions verified, failed or passed")
                    .isEqualTo(INTERACTIONS);
        }

        /** Every failure's message says each of {@code words}: the drift is named, not only "failed". */
        void everyFailureSays(String... words) {
            assertThat(failed.values())
                    .allSatisfy(message -> assertThat(message).contains(words));
        }
    }

    // ------------------------------------------------------------------ the variants

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class NoCardIsNotFound extends ReferenceProviderVerification {
        @Override
        Drift drift() {
            return Drift.NO_CARD_IS_NOT_FOUND;
        }
    }

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class UpdateReplacesTheCard extends ReferenceProviderVerification {
        @Override
        Drift drift() {
            return Drift.UPDATE_REPLACES_THE_CARD;
        }
    }

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class ReadOnlyKeyMayUpdate extends ReferenceProviderVerification {
        @Override
        Drift drift() {
            return Drift.READ_ONLY_KEY_MAY_UPDATE;
        }
    }

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class ShowsOtherPartnersCards extends ReferenceProviderVerification {
        @Override
        Drift drift() {
            return Drift.SHOWS_OTHER_PARTNERS_CARDS;
        }
    }

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class ListsInAnotherOrder extends ReferenceProviderVerification {
        @Override
        Drift drift() {
            return Drift.LISTS_IN_ANOTHER_ORDER;
        }
    }

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class NorthAmericanNumbersOnly extends ReferenceProviderVerification {
        @Override
        Drift drift() {
            return Drift.NORTH_AMERICAN_NUMBERS_ONLY;
        }
    }

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class FirstNamesOfAtMost50 extends ReferenceProviderVerification {
        @Override
        Drift drift() {
            return Drift.FIRST_NAMES_OF_AT_MOST_50;
        }
    }

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class RenamesIsActive extends ReferenceProviderVerification {
        @Override
        Drift drift() {
            return Drift.RENAMES_IS_ACTIVE;
        }
    }

    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder(ReferenceProviderVerification.PACT_FOLDER)
    static class AcceptsASecondCreate extends ReferenceProviderVerification {
        @Override
        Drift drift() {
            return Drift.ACCEPTS_A_SECOND_CREATE;
        }
    }

    /** The reference provider itself, given a pact that names a provider state it does not know. */
    @Provider(ReferenceProviderVerification.PROVIDER)
    @PactFolder("src/test/resources/unknown-state-pacts")
    static class UnknownStateConsumer extends ReferenceProviderVerification {}
}
