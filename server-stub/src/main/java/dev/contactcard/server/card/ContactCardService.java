package dev.contactcard.server.card;

import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.openapitools.jackson.nullable.JsonNullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The behaviour of the Contact Card API, independent of HTTP: create (rehost, apply, store with
 * the outcome), get, and merge-update. The commands it is given are valid: every rule of a
 * request body is checked before, in one bean-validation pass over the generated models (their
 * annotations and the constraints {@code ValidationConfiguration} adds).
 *
 * <p>No lock in the process: the database decides between concurrent requests, so any number of
 * sandbox instances can share it. Of concurrent creates of one number exactly one activates the
 * card (the primary key and a compare-and-set on the activation state); the others are refused
 * with 409. An update reads the card with a row lock ({@code SELECT ... FOR UPDATE}) and writes it
 * in the same transaction, so concurrent updates of different fields all keep their field.
 */
class ContactCardService {

    private final ContactCardRepository repository;
    private final IdempotentCreates idempotentCreates;
    private final CardApplier applier;
    private final ImageRehoster rehoster;
    private final TransactionTemplate transactions;

    ContactCardService(
            ContactCardRepository repository,
            IdempotentCreates idempotentCreates,
            CardApplier applier,
            ImageRehoster rehoster,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.idempotentCreates = idempotentCreates;
        this.transactions = transactions;
        this.applier = applier;
        this.rehoster = rehoster;
    }

    /** What a create asks for. */
    record CreateCommand(String phoneNumber, String firstName, String lastName, String imageUrl) {

        /** SHA-256 (hex) of the values: two creates with the same values have the same one. */
        String fingerprint() {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
            for (String value : new String[] {phoneNumber, firstName, lastName, imageUrl}) {
                // A length prefix keeps ("ab", "c") and ("a", "bc") apart; -1 stands for absent.
                String part = value == null ? "-1:" : value.length() + ":" + value;
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    /**
     * What an update asks for: a field is changed only when present; {@code firstName} is
     * {@code null} when absent (it cannot be cleared).
     */
    record UpdateCommand(String firstName, JsonNullable<String> lastName, JsonNullable<String> imageUrl) {}

    /**
     * Sets up the card of a number: rehosts a new image, runs the apply step, and then, in one
     * transaction, stores the card (active when the apply step succeeded, else inactive) and, with
     * an {@code idempotencyKey}, remembers the answer with the key. One commit per create: an
     * answered create is on disk, and a crash before the commit leaves nothing half-written. An
     * apply step that fails unexpectedly (throws) still leaves the card stored inactive, as a
     * failed apply step does, before the failure is answered.
     *
     * <p>With an {@code idempotencyKey} the create runs once per key ({@link IdempotentCreates}):
     * a retry with the same values is answered as the first create was, and one with other values
     * is refused with 422 / 2022.
     *
     * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}
     * @throws ApiException 409 / 2014 when the number already has an active card; 422 / 2022 when
     *     the key was used for a create with other values
     */
    ContactCardRecord create(String partnerId, CreateCommand command, String idempotencyKey) {
        if (idempotencyKey == null) {
            return setUp(partnerId, command, card -> true);
        }
        return idempotentCreates.once(
                partnerId, idempotencyKey, command.fingerprint(), remember -> setUp(partnerId, command, remember));
    }

    private ContactCardRecord setUp(String partnerId, CreateCommand command, Predicate<ContactCardRecord> remember) {
        Optional<ContactCardRecord> existing = repository.find(partnerId, command.phoneNumber());
        if (existing.filter(ContactCardRecord::active).isPresent()) {
            throw new ApiException(ErrorCode.ACTIVE_CARD_EXISTS);
        }
        ContactCardRecord inactive = new ContactCardRecord(
                partnerId,
                command.phoneNumber(),
                command.firstName(),
                command.lastName(),
                hostedImage(partnerId, command.imageUrl(), existing),
                command.imageUrl(),
                false);
        boolean applied;
        try {
            applied = applier.apply(inactive);
        } catch (RuntimeException | Error failure) {
            // Kept as a failed apply step keeps it; the failure is answered either way.
            transactions.executeWithoutResult(status -> {
                if (!store(inactive, existing.isPresent())) {
                    status.setRollbackOnly();
                }
            });
            throw failure;
        }
        ContactCardRecord answered = applied ? inactive.withActive(true) : inactive;
        Boolean stored = transactions.execute(status -> {
            if (!store(answered, existing.isPresent())) {
                // A create of the same number stored its card meanwhile; roll back whatever this
                // transaction did (on PostgreSQL a refused insert ends the transaction anyway).
                status.setRollbackOnly();
                return false;
            }
            if (!remember.test(answered)) {
                throw new ApiException(ErrorCode.ACTIVE_CARD_EXISTS);
            }
            return true;
        });
        if (Boolean.TRUE.equals(stored)) {
            return answered;
        }
        if (existing.isEmpty()) {
            // The other create's card may be inactive (its apply step failed): this one replaces it.
            return transactions.execute(status -> {
                if (!repository.replace(answered, false) || !remember.test(answered)) {
                    throw new ApiException(ErrorCode.ACTIVE_CARD_EXISTS);
                }
                return answered;
            });
        }
        throw new ApiException(ErrorCode.ACTIVE_CARD_EXISTS);
    }

    /**
     * Stores a create's card: inserted for a number without a card, else replacing its inactive
     * card. {@code false} when another create got there first (the number has a card now, or its
     * card is active now).
     */
    private boolean store(ContactCardRecord card, boolean replacesAnInactiveCard) {
        return replacesAnInactiveCard ? repository.replace(card, false) : repository.insert(card);
    }

    /** Every card of the partner, ordered by phone number, one at a time (see {@link ContactCardRepository#forEach}). */
    void forEach(String partnerId, Consumer<ContactCardRecord> action) {
        repository.forEach(partnerId, action);
    }

    /** The card of one number, if it has one. */
    Optional<ContactCardRecord> find(String partnerId, String phoneNumber) {
        return repository.find(partnerId, phoneNumber);
    }

    /**
     * Merges the present fields into the active card of a number.
     *
     * @throws ApiException 404 / 2013 when the number has no active card
     */
    ContactCardRecord update(String partnerId, String phoneNumber, UpdateCommand command) {
        return transactions.execute(status -> {
            ContactCardRecord current = repository
                    .findForUpdate(partnerId, phoneNumber)
                    .filter(ContactCardRecord::active)
                    .orElseThrow(() -> new ApiException(ErrorCode.NO_ACTIVE_CARD));
            String firstName = command.firstName() != null ? command.firstName() : current.firstName();
            String lastName =
                    command.lastName().isPresent() ? command.lastName().get() : current.lastName();
            String imageUrl = current.imageUrl();
            String imageSource = current.imageSourceUrl();
            if (command.imageUrl().isPresent()) {
                imageSource = command.imageUrl().get();
                imageUrl = hostedImage(partnerId, imageSource, Optional.of(current));
            }
            ContactCardRecord merged =
                    new ContactCardRecord(partnerId, phoneNumber, firstName, lastName, imageUrl, imageSource, true);
            if (!repository.replace(merged, true)) {
                throw new ApiException(ErrorCode.NO_ACTIVE_CARD);
            }
            return merged;
        });
    }

    /** The hosted URL for a requested image: rehosted only when it differs from the stored source. */
    private String hostedImage(String partnerId, String requested, Optional<ContactCardRecord> existing) {
        if (requested == null) {
            return null;
        }
        if (existing.isPresent()
                && Objects.equals(existing.get().imageSourceUrl(), requested)
                && existing.get().imageUrl() != null) {
            return existing.get().imageUrl();
        }
        return rehoster.rehost(partnerId, requested);
    }
}
