package dev.contactcard.client;

/**
 * The API answered with a success status, but the body was empty, was not JSON (for example a
 * proxy answering HTML), did not fit the documented model, or lacked a field the spec requires
 * (for example {@code is_active}). Not retried.
 *
 * <p>The message names the JSON path that is wrong ({@code contact_cards[1].first_name}), or, for a
 * body that is not JSON, its size and media type; it never quotes the body, which may hold phone
 * numbers. Log the client at DEBUG to see the body.
 */
public class ContactCardInvalidDataException extends ContactCardException {

    private static final long serialVersionUID = 1L;

    ContactCardInvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
