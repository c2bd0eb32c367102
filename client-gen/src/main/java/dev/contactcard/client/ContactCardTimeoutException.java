package dev.contactcard.client;

/**
 * No answer arrived in time: the connect timeout or the read timeout of {@link
 * ContactCardClient.Builder} elapsed. Distinct from {@link ContactCardConnectionException}: the
 * request may have reached the API and may have taken effect. The client retries timeouts; this
 * exception means the retries ran out too.
 */
public class ContactCardTimeoutException extends ContactCardException {

    private static final long serialVersionUID = 1L;

    ContactCardTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
