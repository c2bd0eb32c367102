package dev.contactcard.bench.ceiling;

import dev.contactcard.server.generated.api.ContactCardApi;
import dev.contactcard.server.generated.model.ContactCard;
import dev.contactcard.server.generated.model.ContactCardList;
import dev.contactcard.server.generated.model.CreateContactCardRequest;
import dev.contactcard.server.generated.model.UpdateContactCardRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The generated interface over a map: the least any implementation has to do. */
@RestController
class CeilingController implements ContactCardApi {

    private final Map<String, ContactCard> cards = new ConcurrentHashMap<>();

    /** The idempotency key is ignored: the benchmark sends none, and the ceiling stores nothing. */
    @Override
    public ResponseEntity<ContactCard> createContactCard(CreateContactCardRequest request, String idempotencyKey) {
        ContactCard card = new ContactCard(request.getPhoneNumber(), request.getFirstName(), true)
                .lastName(request.getLastName())
                .imageUrl(request.getImageUrl());
        if (cards.putIfAbsent(card.getPhoneNumber(), card) != null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        return ResponseEntity.ok(card);
    }

    @Override
    public ResponseEntity<ContactCardList> getContactCards(String phoneNumber) {
        List<ContactCard> found = phoneNumber == null
                ? List.copyOf(cards.values())
                : cards.containsKey(phoneNumber) ? List.of(cards.get(phoneNumber)) : List.of();
        return ResponseEntity.ok(new ContactCardList(found));
    }

    @Override
    public ResponseEntity<ContactCard> updateContactCard(String phoneNumber, UpdateContactCardRequest request) {
        ContactCard updated = cards.computeIfPresent(phoneNumber, (number, card) -> {
            ContactCard copy = new ContactCard(number, card.getFirstName(), card.getIsActive())
                    .lastName(card.getLastName())
                    .imageUrl(card.getImageUrl());
            if (request.getFirstName() != null) {
                copy.setFirstName(request.getFirstName());
            }
            if (request.getLastName().isPresent()) {
                copy.setLastName(request.getLastName().get());
            }
            if (request.getImageUrl().isPresent()) {
                copy.setImageUrl(request.getImageUrl().get());
            }
            return copy;
        });
        return updated == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(updated);
    }
}
