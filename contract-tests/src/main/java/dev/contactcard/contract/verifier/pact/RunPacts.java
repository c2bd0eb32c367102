package dev.contactcard.contract.verifier.pact;

import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.provider.junitsupport.loader.PactFolderLoader;
import au.com.dius.pact.provider.junitsupport.loader.PactLoader;
import dev.contactcard.contract.verifier.VerifierRun;
import java.io.IOException;
import java.util.List;

/** Loads the pacts of the {@link VerifierRun#current() current run}: every pact file in its directory. */
public final class RunPacts implements PactLoader {

    private final PactFolderLoader folder;

    /** Pact instantiates a loader with the test class. */
    public RunPacts(Class<?> testClass) {
        this.folder = new PactFolderLoader(VerifierRun.current().pacts().toFile());
    }

    @Override
    public List<Pact> load(String providerName) throws IOException {
        return folder.load(providerName);
    }

    @Override
    public PactSource getPactSource() {
        return folder.getPactSource();
    }

    @Override
    public String description() {
        return folder.description();
    }
}
