package dev.contactcard.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.contract.verifier.pact.PactSpecValidator;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every interaction of every pact the consumer tests wrote conforms to the spec: requests the
 * spec accepts (or, for a recorded 400, rejects), and responses the spec allows.
 *
 * <p>Runs under Failsafe, after Surefire's consumer tests wrote the pacts in the same build.
 */
class PactsConformToSpecIT {

    private static final File PACT_DIR = new File(System.getProperty("contactcard.pact.dir", "target/pacts"));

    private final PactSpecValidator validator = PactSpecValidator.forContactCardSpec();

    @Test
    void theConsumerTestsWroteAPact() {
        assertThat(pactFiles()).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyPactConformsToTheSpec() {
        return pactFiles().stream()
                .map(pact -> DynamicTest.dynamicTest(
                        pact.getName(),
                        () -> assertThat(validator.validate(pact))
                                .as("spec findings for %s", pact)
                                .isEmpty()));
    }

    private static List<File> pactFiles() {
        File[] files = PACT_DIR.listFiles((dir, name) -> name.endsWith(".json"));
        return files == null ? List.of() : Arrays.stream(files).sorted().toList();
    }
}
