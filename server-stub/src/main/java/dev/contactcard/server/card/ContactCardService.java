package dev.contactcard.server.card;

import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.openapitools.jackson.nullable.JsonNullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The behaviour of the Contact Card API, independent of HTTP: create (store inactive, rehost,
 * apply, activate), get, and merge-update. The commands it is given are valid: every rule of a
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
    private final CardApplier applier;
    private final ImageRehoster rehoster;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ContactCardService(
            ContactCardRepository repository,
            CardApplier applier,
            ImageRehoster rehoster,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
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
     * Sets up the card of a number: stores it inactive (committed on its own, so a crash or a
     * failure after it leaves the card inactive, never half-written), rehosts a new image, runs the
     * apply step, and then, in one transaction, activates the card when the apply step succeeded
     * and remembers the {@code idempotencyKey} with the answer.
     *
     * <p>With an {@code idempotencyKey}: a create with that key that stored a card in the last 24
     * hours is not run again; its answer is replayed when the values are the same, and refused
     * with 422 / 2022 when they differ. Otherwise the create first claims the key in the database
     * (one claim wins, in this process or in another one), so that retries which arrive together
     * run the create once: the others wait for its answer and replay it, or, when it fails, claim
     * the key in turn and run. The key is remembered in the same transaction as the card, so no
     * crash can keep one without the other; a claim whose create died with its process is taken
     * over after {@link #CLAIM_LEASE}.
     *
     * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}
     * @throws ApiException 409 / 2014 when the number already has an active card; 422 / 2022 when
     *     the key was used for a create with other values
     */
    ContactCardRecord create(String partnerId, CreateCommand command, String idempotencyKey) {
        if (idempotencyKey == null) {
            return setUp(partnerId, command, card -> true);
        }
        String fingerprint = command.fingerprint();
        while (true) {
            // In microseconds, as both databases store it: releaseClaim finds the claim by this instant.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Optional<RememberedCreate> remembered =
                    repository.findCreate(partnerId, idempotencyKey, now.minus(IDEMPOTENCY_KEY_LIFETIME));
            if (remembered.isPresent()) {
                return replay(remembered.get(), fingerprint);
            }
            // Claimed only when no create holds the key (an INSERT that fails costs a round trip,
            // and an error line in PostgreSQL's log, on every look); otherwise other values are
            // refused at once, and the same values wait for the holder's answer.
            Instant abandonedBefore = now.minus(CLAIM_LEASE);
            Optional<String> holder = repository.claimHolder(partnerId, idempotencyKey, abandonedBefore);
            if (holder.isEmpty()) {
                if (repository.claim(partnerId, idempotencyKey, fingerprint, now, abandonedBefore)) {
                    return createHoldingTheClaim(partnerId, command, idempotencyKey, fingerprint, now);
                }
                // another create claimed it in between: wait for it as for any holder
            } else if (!holder.get().equals(fingerprint)) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
            }
            pause();
        }
    }

    /** How long a create's {@code Idempotency-Key} is kept: 24 hours (the spec). */
    static final Duration IDEMPOTENCY_KEY_LIFETIME = Duration.ofHours(24);

    /** How long a claimed key's create may run before another create with the key takes it over. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(10);

    /** How often a create waiting for another create with its key looks for that one's answer. */
    private static final Duration CLAIM_POLL = Duration.ofMillis(20);

    private ContactCardRecord createHoldingTheClaim(
            String partnerId, CreateCommand command, String idempotencyKey, String fingerprint, Instant now) {
        Instant notBefore = now.minus(IDEMPOTENCY_KEY_LIFETIME);
        try {
            return setUp(partnerId, command, card -> {
                repository.releaseClaim(partnerId, idempotencyKey, now);
                return repository.rememberCreate(
                        new RememberedCreate(
                                partnerId,
                                idempotencyKey,
                                fingerprint,
                                card.phoneNumber(),
                                card.firstName(),
                                card.lastName(),
                                card.imageUrl(),
                                card.active(),
                                now),
                        notBefore);
            });
        } catch (RuntimeException failed) {
            repository.releaseClaim(partnerId, idempotencyKey, now);
            // A 409 may still be the answer to this key's first create, when that one outlived its
            // lease and its claim was taken over: answer as that one was answered.
            Optional<RememberedCreate> first = repository.findCreate(partnerId, idempotencyKey, notBefore);
            if (failed instanceof ApiException refused
                    && refused.errorCode() == ErrorCode.ACTIVE_CARD_EXISTS
                    && first.isPresent()) {
                return replay(first.get(), fingerprint);
            }
            throw failed;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(CLAIM_POLL.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a create with the same key", ex);
        }
    }

    private static ContactCardRecord replay(RememberedCreate first, String fingerprint) {
        if (!first.requestHash().equals(fingerprint)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        return first.card();
    }

    private ContactCardRecord setUp(String partnerId, CreateCommand command, Predicate<ContactCardRecord> remember) {
        Optional<ContactCardRecord> existing = repository.find(partnerId, command.phoneNumber());
        if (existing.filter(ContactCardRecord::active).isPresent()) {
            throw new ApiException(ErrorCode.ACTIVE_CARD_EXISTS);
        }
        ContactCardRecord stored = new ContactCardRecord(
                partnerId,
                command.phoneNumber(),
                command.firstName(),
                command.lastName(),
                hostedImage(partnerId, command.imageUrl(), existing),
                command.imageUrl(),
                false);
        boolean written = existing.isPresent()
                ? repository.replace(stored, false)
                : repository.insert(stored) || repository.replace(stored, false);
        if (!written) {
            // Another process activated the card in the meantime.
            throw new ApiException(ErrorCode.ACTIVE_CARD_EXISTS);
        }
        ContactCardRecord answered = applier.apply(stored) ? stored.withActive(true) : stored;
        return transactions.execute(status -> {
            if (answered.active() && !repository.replace(answered, false)) {
                throw new ApiException(ErrorCode.ACTIVE_CARD_EXISTS);
            }
            if (!remember.test(answered)) {
                throw new ApiException(ErrorCode.ACTIVE_CARD_EXISTS);
            }
            return answered;
        });
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
