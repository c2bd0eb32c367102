package dev.contactcard.contract.verifier;

import dev.contactcard.contract.verifier.report.Ledger;
import dev.contactcard.contract.verifier.states.ProviderStates;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One verification of one provider: its target, its options, the pacts it verifies, and what it
 * shares between its checks (the HTTP access, the random source of its seed, the ledger). The
 * checks the JUnit Platform runs find the run of their JVM with {@link #current()}.
 */
public final class VerifierRun implements AutoCloseable {

    private static volatile VerifierRun current;

    private final Target target;
    private final Options options;
    private final Path pacts;
    private final Ledger ledger = new Ledger();
    private final ProviderApi api;

    /**
     * @param pacts the directory of the pact files to verify
     */
    public VerifierRun(Target target, Options options, Path pacts) {
        this.target = target;
        this.options = options;
        this.pacts = pacts;
        this.api = new ProviderApi(target, Spec.contactCard(), ledger, options.rate(), options.timeout());
    }

    /** Makes this the run the checks of this JVM verify with, until {@link #close}. */
    public VerifierRun activate() {
        current = this;
        return this;
    }

    /**
     * The run of this JVM.
     *
     * @throws IllegalStateException when no run is active (the checks were started without the verifier)
     */
    public static VerifierRun current() {
        VerifierRun run = current;
        if (run == null) {
            throw new IllegalStateException("No verification is running: start the checks with the verifier "
                    + "(java -jar contact-card-contract-tests-<version>-verifier.jar --help)");
        }
        return run;
    }

    public Target target() {
        return target;
    }

    public Options options() {
        return options;
    }

    public Path pacts() {
        return pacts;
    }

    public Ledger ledger() {
        return ledger;
    }

    public ProviderApi api() {
        return api;
    }

    /**
     * The random source of one check, derived from the run's seed and the check's name: the same
     * seed makes the same requests, and adding a check changes no other check's requests.
     */
    public RandomGenerator random(String check) {
        return new SplittableRandom(options.seed() ^ (check.hashCode() * 0x9E3779B97F4A7C15L));
    }

    /**
     * Provider states set up through this run's access to the target. Their numbers and keys come
     * from an unseeded source: what a state hands out must be fresh on every run, whatever its seed.
     */
    public ProviderStates states() {
        return new ProviderStates(api, new SplittableRandom());
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        api.close();
    }
}
