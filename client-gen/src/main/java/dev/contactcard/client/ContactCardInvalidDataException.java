package dev.contactcard.client;

/**
 * The API answered with a success status, but the body was empty or could not be read as the
 * documented model (for example a proxy answering HTML). Not retried.
 */
public class ContactCardInvalidDataException extends ContactCardException {

  private static final long serialVersionUID = 1L;

  ContactCardInvalidDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
