package dev.contactcard.client;

/**
 * The base of every exception the Contact Card client throws. It is unchecked.
 *
 * <p>The family:
 *
 * <ul>
 *   <li>{@link ContactCardServiceException}: the API answered with an error status; one
 *       subclass per status ({@link BadRequestException}, {@link UnauthorizedException},
 *       {@link PermissionDeniedException}, {@link NotFoundException}, {@link ConflictException},
 *       {@link UnprocessableEntityException}, {@link RateLimitException}, {@link
 *       InternalServerException}, {@link UnexpectedStatusCodeException}).
 *   <li>{@link ContactCardConnectionException}: no answer, the connection failed.
 *   <li>{@link ContactCardTimeoutException}: no answer in time (connect or read timeout).
 *   <li>{@link ContactCardInvalidDataException}: a success answer whose body could not be read
 *       as the documented model.
 * </ul>
 *
 * <p>This class itself is thrown for a request the client could not encode as JSON (for example
 * a subclass of a request model whose getter throws): nothing was sent, and it is not retried.
 */
public class ContactCardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ContactCardException(String message) {
        super(message);
    }

    ContactCardException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A body as messages quote it: whitespace collapsed, at most 200 characters. */
    static String snippet(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
