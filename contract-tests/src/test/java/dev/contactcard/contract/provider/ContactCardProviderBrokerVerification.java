package dev.contactcard.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerAuth;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerConsumerVersionSelectors;
import au.com.dius.pact.provider.junitsupport.loader.SelectorBuilder;

/**
 * Broker mode: verifies the pacts a Pact Broker selects (the consumers' main branch, and every
 * version deployed or released) against the reference provider, and publishes the results.
 *
 * <p>Runs only under the {@code pact-broker} Maven profile, active when {@code
 * PACT_BROKER_BASE_URL} is set, which also passes {@code pactbroker.url}, {@code
 * pactbroker.auth.token}, {@code pact.provider.version} and {@code pact.provider.branch} to the
 * forked JVM. No broker can run on this project's build machines, so this class is compiled on
 * every build but exercised only where a broker is configured.
 */
@Provider(ReferenceProviderVerification.PROVIDER)
@PactBroker(
        url = "${pactbroker.url}",
        authentication = @PactBrokerAuth(token = "${pactbroker.auth.token:}"),
        providerBranch = "${pact.provider.branch:}",
        enablePendingPacts = "true")
class ContactCardProviderBrokerVerification extends ReferenceProviderVerification {

    @PactBrokerConsumerVersionSelectors
    static SelectorBuilder consumerVersionSelectors() {
        return new SelectorBuilder().mainBranch().deployedOrReleased();
    }
}
