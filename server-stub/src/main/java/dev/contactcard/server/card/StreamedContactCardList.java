package dev.contactcard.server.card;

import dev.contactcard.server.generated.model.ContactCard;
import dev.contactcard.server.generated.model.ContactCardList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The answer to "all cards of a partner" as the generated interface types it
 * ({@link ContactCardList}), without the list: Jackson writes {@code {"contact_cards":[...]}} card
 * by card while the database hands the cards over, straight to the response stream, so the
 * memory a listing takes does not grow with the number of cards. The cards are read while the
 * answer is written, once; {@link #getContactCards()} is empty.
 */
@JsonSerialize(using = StreamedContactCardList.Writer.class)
final class StreamedContactCardList extends ContactCardList {

    private final transient Consumer<Consumer<ContactCard>> cards;

    /** @param cards hands every card, in order, to the consumer it is given */
    StreamedContactCardList(Consumer<Consumer<ContactCard>> cards) {
        super(List.of());
        this.cards = cards;
    }

    /** Writes the list in the spec's shape, each card with the mapper's own serializer for it. */
    static final class Writer extends ValueSerializer<StreamedContactCardList> {

        @Override
        public void serialize(StreamedContactCardList list, JsonGenerator json, SerializationContext context) {
            json.writeStartObject();
            json.writeName("contact_cards");
            json.writeStartArray();
            list.cards.accept(card -> context.writeValue(json, card));
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
