package dev.contactcard.spec.evolution;

/** The gate refuses the build; the message says why, in words a spec author can act on. */
final class GateFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GateFailure(String message) {
        super(message);
    }
}
