package dev.contactcard.server.card;

import dev.contactcard.server.auth.Caller;
import dev.contactcard.server.card.ContactCardService.CreateCommand;
import dev.contactcard.server.card.ContactCardService.UpdateCommand;
import dev.contactcard.server.generated.api.ContactCardApi;
import dev.contactcard.server.generated.model.ContactCard;
import dev.contactcard.server.generated.model.ContactCardList;
import dev.contactcard.server.generated.model.CreateContactCardRequest;
import dev.contactcard.server.generated.model.UpdateContactCardRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The reference implementation of the generated {@link ContactCardApi}: maps the generated models
 * to the service and back. Validation happens before (the generated bean-validation annotations
 * and the constraints {@code ValidationConfiguration} adds to them, in one pass),
 * authentication in {@code ApiKeyFilter}, the read-only key check in
 * {@code PermissionInterceptor}, and error answers in {@code ErrorBoundary}.
 */
@RestController
class ContactCardController implements ContactCardApi {

    private final ContactCardService service;

    ContactCardController(ContactCardService service) {
        this.service = service;
    }

    @Override
    public ResponseEntity<ContactCard> createContactCard(CreateContactCardRequest request, String idempotencyKey) {
        ContactCardRecord card = service.create(
                caller().partnerId(),
                new CreateCommand(
                        request.getPhoneNumber(), request.getFirstName(), request.getLastName(), request.getImageUrl()),
                idempotencyKey);
        return ResponseEntity.ok(toModel(card));
    }

    @Override
    public ResponseEntity<ContactCardList> getContactCards(String phoneNumber) {
        String partnerId = caller().partnerId();
        if (phoneNumber == null) {
            // All cards: written to the response as the database returns them (bounded memory).
            return ResponseEntity.ok(new StreamedContactCardList(
                    each -> service.forEach(partnerId, card -> each.accept(toModel(card)))));
        }
        return ResponseEntity.ok(new ContactCardList(service.find(partnerId, phoneNumber).stream()
                .map(ContactCardController::toModel)
                .toList()));
    }

    @Override
    public ResponseEntity<ContactCard> updateContactCard(String phoneNumber, UpdateContactCardRequest request) {
        ContactCardRecord card = service.update(
                caller().partnerId(),
                phoneNumber,
                new UpdateCommand(request.getFirstName(), request.getLastName(), request.getImageUrl()));
        return ResponseEntity.ok(toModel(card));
    }

    static ContactCard toModel(ContactCardRecord card) {
        return new ContactCard(card.phoneNumber(), card.firstName(), card.active())
                .lastName(card.lastName())
                .imageUrl(card.imageUrl());
    }

    private static Caller caller() {
        Object caller = RequestContextHolder.currentRequestAttributes()
                .getAttribute(Caller.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller instanceof Caller authenticated) {
            return authenticated;
        }
        throw new IllegalStateException("Request reached the controller without an authenticated caller");
    }
}
