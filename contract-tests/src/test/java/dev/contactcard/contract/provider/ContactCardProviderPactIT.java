package dev.contactcard.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * The reference provider honours every interaction of every pact the consumer tests wrote in this
 * build (Failsafe runs it after Surefire wrote the pacts).
 */
@Provider(ReferenceProviderVerification.PROVIDER)
@PactFolder(ReferenceProviderVerification.PACT_FOLDER)
class ContactCardProviderPactIT extends ReferenceProviderVerification {}
