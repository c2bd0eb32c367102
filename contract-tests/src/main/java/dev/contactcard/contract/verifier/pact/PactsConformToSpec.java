package dev.contactcard.contract.verifier.pact;

import dev.contactcard.contract.verifier.VerifierRun;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

/**
 * The verifier's first check, before it sends anything: every pact it is about to verify conforms
 * to the spec it carries ({@link PactSpecValidator}). A pact that records what the spec forbids
 * would hold a provider to the pact instead of the contract.
 */
@DisplayName("Pacts conform to the spec")
@Order(1)
public class PactsConformToSpec {

    @TestFactory
    Stream<DynamicTest> everyPactConformsToTheSpec() {
        PactSpecValidator validator = PactSpecValidator.forContactCardSpec();
        List<File> pacts = pactFiles(VerifierRun.current().pacts().toFile());
        if (pacts.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("a pact to verify", () -> {
                throw new AssertionError(
                        "No pact file in " + VerifierRun.current().pacts());
            }));
        }
        return pacts.stream()
                .map(pact -> DynamicTest.dynamicTest(pact.getName(), () -> {
                    List<String> findings = validator.validate(pact);
                    if (!findings.isEmpty()) {
                        throw new AssertionError("The pact breaks the spec:\n  - " + String.join("\n  - ", findings));
                    }
                }));
    }

    /** The pact files of a directory, by name. */
    public static List<File> pactFiles(File directory) {
        File[] files = directory.listFiles((dir, name) -> name.endsWith(".json"));
        return files == null ? List.of() : Arrays.stream(files).sorted().toList();
    }
}
