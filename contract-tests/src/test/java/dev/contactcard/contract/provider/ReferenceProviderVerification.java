package dev.contactcard.contract.provider;

import dev.contactcard.contract.verifier.NumberRange;
import dev.contactcard.contract.verifier.Options;
import dev.contactcard.contract.verifier.Target;
import dev.contactcard.contract.verifier.VerifierRun;
import dev.contactcard.contract.verifier.pact.ProviderVerification;
import dev.contactcard.server.auth.SandboxKeys;
import dev.contactcard.server.card.SandboxCardApplier;
import dev.contactcard.server.support.ReferenceProvider;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Verifies pacts, of every consumer, against the reference provider, started for real on a
 * random loopback port with in-memory storage, exactly as the verifier verifies any provider at a
 * URL: the same {@link ProviderVerification}, the same provider states set up through the public
 * API (the provider is never emptied), strict (this provider can be put in every state, so an
 * interaction left unverified fails).
 *
 * <p>Subclasses name where the pacts come from ({@code @PactFolder} or {@code @PactBroker}); the
 * drift tests override {@link #drift()} to verify against a deliberately non-conforming variant.
 * The reference provider, and the one provider that carries the variants, are each started once
 * per test JVM and shared by every verification class.
 */
abstract class ReferenceProviderVerification extends ProviderVerification {

    static final String PACT_FOLDER = "target/pacts";

    /** The partner of the provider state "a card of another partner exists for the number". */
    static final String OTHER_PARTNER = "other-partner";

    static final String OTHER_PARTNER_KEY = "other-partner-rw-key";
    static final String EMPTY_PARTNER_KEY = "empty-partner-ro-key";
    static final String LISTING_PARTNER_KEY = "listing-partner-rw-key";

    /**
     * The sandbox's keys, a read-write key of {@link #OTHER_PARTNER}, the only (read-only) key of a
     * partner that therefore never holds a card, and a read-write key of a partner kept for the
     * listing interaction.
     */
    static final String API_KEYS = SandboxKeys.DEFAULT_CONFIGURATION
            + "," + OTHER_PARTNER_KEY + ":" + OTHER_PARTNER + ":read-write"
            + "," + EMPTY_PARTNER_KEY + ":empty-partner:read-only"
            + "," + LISTING_PARTNER_KEY + ":listing-partner:read-write";

    private VerifierRun run;

    /** The drift the provider shows; {@code null} (the reference provider itself) unless overridden. */
    ProviderVariants.Drift drift() {
        return null;
    }

    @BeforeAll
    void startProvider() {
        ConfigurableApplicationContext provider = drift() == null ? Providers.reference() : Providers.withVariants();
        ProviderVariants.select(drift());
        int port = provider.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        run = new VerifierRun(
                everyKeyOf(URI.create("http://127.0.0.1:" + port + "/api/partner")),
                Options.defaults(20261207L).withStrict(true),
                Path.of(PACT_FOLDER));
    }

    @AfterAll
    void deselectTheDrift() {
        ProviderVariants.select(null);
        run.close();
    }

    @Override
    protected VerifierRun run() {
        return run;
    }

    /** The target with every key and the failing test numbers of a provider started with {@link #API_KEYS}. */
    static Target everyKeyOf(URI baseUrl) {
        return Target.of(baseUrl, SandboxKeys.READ_WRITE)
                .withReadOnlyKey(SandboxKeys.READ_ONLY)
                .withOtherPartnerKey(OTHER_PARTNER_KEY)
                .withEmptyPartnerKey(EMPTY_PARTNER_KEY)
                .withListingPartnerKey(LISTING_PARTNER_KEY)
                .withFailingNumbers(NumberRange.parse(
                        SandboxCardApplier.FIRST_FAILING_NUMBER + "-" + SandboxCardApplier.LAST_FAILING_NUMBER));
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
            return ReferenceProvider.onLoopback()
                    .keys(API_KEYS)
                    .sources(variants)
                    .start();
            // README:end start
        }
    }
}
