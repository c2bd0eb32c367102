package dev.contactcard.server.auth;

/**
 * The authenticated caller of a request: the partner its API key belongs to and the key's
 * permission. Set by {@link ApiKeyFilter} as a request attribute.
 */
public record Caller(String partnerId, Permission permission) {

    /** The request attribute under which the interceptor stores the caller. */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();
}
