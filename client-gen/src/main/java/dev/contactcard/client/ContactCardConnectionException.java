package dev.contactcard.client;

/**
 * The API could not be reached, or the connection broke before an answer arrived (connection
 * refused, reset, DNS failure, TLS failure). The client retries these (see {@link
 * ContactCardClient.Builder#maxRetries(int)}); this exception means the retries ran out too. The
 * cause is the underlying I/O exception.
 */
public class ContactCardConnectionException extends ContactCardException {

    private static final long serialVersionUID = 1L;

    ContactCardConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
