package dev.contactcard.contract.verifier.report;

/**
 * One failed check: what was checked (an interaction of a pact, or a rule of the generative
 * checks), the request that showed it, and how the provider drifted.
 */
public record Finding(String check, String request, String drift) {

    /** The finding on one line, as the verifier prints it. */
    public String line() {
        return "FAIL " + check + " | " + request + " | " + oneLine(drift);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    @Override
    public String toString() {
        return line();
    }
}
