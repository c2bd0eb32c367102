package dev.contactcard.contract.verifier.pact;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import dev.contactcard.contract.verifier.VerifierRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;

/** The verifier's provider verification: every interaction of every pact of the current run. */
@Provider(ProviderVerification.PROVIDER)
@PactSource(RunPacts.class)
@DisplayName("Pact interactions")
@Order(2)
public class VerifierPacts extends ProviderVerification {

    @Override
    protected VerifierRun run() {
        return VerifierRun.current();
    }
}
