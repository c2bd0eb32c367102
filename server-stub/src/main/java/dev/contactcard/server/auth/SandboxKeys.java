package dev.contactcard.server.auth;

/**
 * The development keys the sandbox starts with when {@code CONTACT_CARD_API_KEYS} is not set
 * (documented in the spec's Sandbox section). Tests, including the Pact provider tests, can use
 * them directly.
 */
public final class SandboxKeys {

    /** The partner both development keys belong to. */
    public static final String PARTNER = "sandbox";

    /** A read-write key of partner {@value #PARTNER}: get, create and update. */
    public static final String READ_WRITE = "sandbox-rw-key";

    /** A read-only key of partner {@value #PARTNER}: get only. */
    public static final String READ_ONLY = "sandbox-ro-key";

    /** The default value of {@code contactcard.api-keys}, in the {@code CONTACT_CARD_API_KEYS} format. */
    public static final String DEFAULT_CONFIGURATION =
            READ_WRITE + ":" + PARTNER + ":read-write," + READ_ONLY + ":" + PARTNER + ":read-only";

    private SandboxKeys() {}
}
