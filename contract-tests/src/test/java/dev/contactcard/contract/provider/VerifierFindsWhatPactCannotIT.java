package dev.contactcard.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.contract.verifier.Options;
import dev.contactcard.contract.verifier.Target;
import dev.contactcard.contract.verifier.Verification;
import dev.contactcard.contract.verifier.Verification.Outcome;
import dev.contactcard.contract.verifier.report.RunListener.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The verifier run in this JVM against the reference provider and its drifting variants
 * ({@link ProviderVariants}): what its generative and stateful checks find that no pact can, and how
 * it reports the provider states it cannot set up. (The verifier's executable jar against the
 * sandbox's, as separate processes: {@code VerifierJarAgainstTheSandboxIT}.)
 */
class VerifierFindsWhatPactCannotIT {

    private static final Path PACTS = Path.of(ReferenceProviderVerification.PACT_FOLDER);

    @AfterEach
    void deselect() {
        ProviderVariants.select(null);
    }

    @Test
    void anUpdateThatIgnoresAnExplicitNullPassesEveryPactButFailsTheGenerativeUpdateCheck() throws IOException {
        Run run = verify(
                baseUrlOf(ReferenceProviderVerification.Providers.withVariants()),
                true,
                ProviderVariants.Drift.IGNORES_NULL_ON_UPDATE,
                "ignores-null",
                200);

        assertThat(run.outcome().exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.outcome().counts().get(Kind.INTERACTIONS).failed())
                .as(run.output())
                .isZero();
        assertThat(run.outcome().counts().get(Kind.GENERATIVE).failed())
                .as(run.output())
                .isEqualTo(1);
        assertThat(run.output())
                .containsPattern(
                        "FAIL generative updates \\| PATCH /v3/contact_card\\?phone_number=\\S+ \\{[^\\n]*null")
                .containsPattern("the updated card is not the merge of the card and the update: (last_name|image_url):"
                        + " the card has none \\(absent\\), but the answer holds");
        assertThat(run.summary()).contains("# Contact Card contract verification: failed", "`generative updates`");
    }

    @Test
    void withOnlyTheReadWriteKeyTheStatesItCannotSetUpAreReportedByNameAndFailOnlyAStrictRun() throws IOException {
        URI baseUrl = baseUrlOf(ReferenceProviderVerification.Providers.reference());
        Target onlyTheKey = Target.of(baseUrl, "sandbox-rw-key");

        Run lenient = verify(onlyTheKey, false, null, "only-the-key", 60);
        Run strict = verify(onlyTheKey, true, null, "only-the-key-strict", 0);

        assertThat(lenient.outcome().exitCode()).as(lenient.output()).isZero();
        assertThat(lenient.outcome().counts().get(Kind.INTERACTIONS).notRun()).isEqualTo(13);
        assertThat(lenient.output())
                .contains("NOT VERIFIED pact contact-card-client - a get with a read-only API key | Not verified: the"
                        + " provider cannot be put in the state 'the API key is read-only': no read-only key")
                .contains("NOT CHECKED partners:");
        assertThat(lenient.summary())
                .containsPattern("\\| the API key is read-only \\| no read-only key of the partner was given"
                        + " \\(--read-only-key\\) \\|[^\\n]*contact-card-client - a create with a read-only API key")
                .contains(
                        "| an inactive card exists for the number |",
                        "| the apply step fails for the number |",
                        "| the partner has no card |",
                        "| the partner has no other card |",
                        "| a card of another partner exists for the number |");
        assertThat(strict.outcome().exitCode()).isEqualTo(1);
        assertThat(strict.outcome().counts().get(Kind.INTERACTIONS).failed()).isEqualTo(13);
    }

    // ------------------------------------------------------------------ helpers

    private record Run(Outcome outcome, String output, String summary) {}

    private static Run verify(URI baseUrl, boolean strict, ProviderVariants.Drift drift, String name, int requests)
            throws IOException {
        return verify(ReferenceProviderVerification.everyKeyOf(baseUrl), strict, drift, name, requests);
    }

    private static Run verify(Target target, boolean strict, ProviderVariants.Drift drift, String name, int requests)
            throws IOException {
        ProviderVariants.select(drift);
        Path reports = Path.of("target/verifier-in-process", name);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Outcome outcome;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            outcome = Verification.run(
                    target, Options.defaults(20261207L).withStrict(strict).withRequests(requests), PACTS, reports, out);
        }
        return new Run(
                outcome,
                bytes.toString(StandardCharsets.UTF_8),
                Files.readString(reports.resolve(Verification.SUMMARY), StandardCharsets.UTF_8));
    }

    private static URI baseUrlOf(ConfigurableApplicationContext provider) {
        return URI.create("http://127.0.0.1:"
                + provider.getEnvironment().getRequiredProperty("local.server.port", Integer.class) + "/api/partner");
    }
}
