package dev.contactcard.contract.verifier.generative;

import dev.contactcard.contract.verifier.VerifierRun;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The verifier's last check: every answer to its own setup requests (the provider states', which
 * are tolerant so that a drift fails the interaction that pins it, not every setup) is one the
 * spec allows. Every other answer was judged where it was received.
 */
@DisplayName("Setup answers")
@Order(4)
public class SetupAnswers {

    @Test
    @DisplayName("every answer to a provider state's setup request is one the spec allows")
    void everyAnswerToASetupRequestConformsToTheSpec() {
        List<String> findings = VerifierRun.current().ledger().setupFindings();
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " setup answer(s) the spec does not allow:\n  - "
                    + String.join("\n  - ", findings));
        }
    }
}
