package dev.contactcard.contract.verifier.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The card a provider must hold after a create or an update, field by field: what Pact cannot
 * express, since it tolerates keys an answer should not have. A field the card has none of must
 * be absent (not {@code null}, not kept from before); the hosted {@code image_url} is the
 * provider's choice, so a new image is checked by presence and a kept one by its exact value.
 *
 * @param lastName the last name, or {@code null} when the card has none
 * @param image what {@code image_url} must be
 * @param imageUrl the exact value, when {@code image} is {@link Image#KEPT}
 * @param active the exact {@code is_active}, or {@code null} for either
 */
record ExpectedCard(
        String phoneNumber, String firstName, String lastName, Image image, String imageUrl, Boolean active) {

    private static final Set<String> FIELDS =
            Set.of("phone_number", "first_name", "last_name", "image_url", "is_active");

    /** What {@code image_url} must be. */
    enum Image {
        /** The card has no image: the field is absent. */
        NONE,
        /** A new image: present, a URL of the provider's choosing. */
        NEW,
        /** The image the card had: exactly {@link #imageUrl}. */
        KEPT
    }

    /** The card a create with {@code body} stores. */
    static ExpectedCard createdFrom(JsonNode body) {
        return new ExpectedCard(
                body.path("phone_number").asText(),
                body.path("first_name").asText(),
                body.hasNonNull("last_name") ? body.get("last_name").asText() : null,
                body.hasNonNull("image_url") ? Image.NEW : Image.NONE,
                null,
                null);
    }

    /** The card an update with {@code body} makes of {@code before}: present fields change, absent ones stay, {@code null} clears. */
    static ExpectedCard merged(JsonNode before, ObjectNode body) {
        String firstName = body.has("first_name")
                ? body.get("first_name").asText()
                : before.path("first_name").asText();
        String lastName = body.has("last_name")
                ? (body.get("last_name").isNull() ? null : body.get("last_name").asText())
                : (before.hasNonNull("last_name") ? before.get("last_name").asText() : null);
        Image image;
        String imageUrl = null;
        if (body.has("image_url")) {
            image = body.get("image_url").isNull() ? Image.NONE : Image.NEW;
        } else if (before.hasNonNull("image_url")) {
            image = Image.KEPT;
            imageUrl = before.get("image_url").asText();
        } else {
            image = Image.NONE;
        }
        return new ExpectedCard(before.path("phone_number").asText(), firstName, lastName, image, imageUrl, true);
    }

    /** How {@code card} differs from this one; empty when it is this card. */
    List<String> differences(JsonNode card) {
        List<String> differences = new ArrayList<>();
        if (!card.isObject()) {
            differences.add("the answer holds no card");
            return differences;
        }
        card.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                differences.add("it holds a field no card has: " + name);
            }
        });
        same(differences, card, "phone_number", phoneNumber);
        same(differences, card, "first_name", firstName);
        if (lastName == null) {
            absent(differences, card, "last_name");
        } else {
            same(differences, card, "last_name", lastName);
        }
        switch (image) {
            case NONE -> absent(differences, card, "image_url");
            case NEW -> {
                if (!card.path("image_url").isTextual()) {
                    differences.add(
                            "image_url: the card has a new image, but the answer holds " + shown(card, "image_url"));
                }
            }
            case KEPT -> same(differences, card, "image_url", imageUrl);
        }
        if (!card.path("is_active").isBoolean()) {
            differences.add("is_active: a boolean, but the answer holds " + shown(card, "is_active"));
        } else if (active != null && card.get("is_active").booleanValue() != active) {
            differences.add("is_active: " + active + ", but the answer holds " + card.get("is_active"));
        }
        return differences;
    }

    private static void same(List<String> differences, JsonNode card, String field, String expected) {
        if (!card.path(field).isTextual() || !card.get(field).asText().equals(expected)) {
            differences.add(field + ": " + quoted(expected) + ", but the answer holds " + shown(card, field));
        }
    }

    private static void absent(List<String> differences, JsonNode card, String field) {
        if (card.has(field)) {
            differences.add(field + ": the card has none (absent), but the answer holds " + shown(card, field));
        }
    }

    private static String shown(JsonNode card, String field) {
        return card.has(field) ? card.get(field).toString() : "none";
    }

    private static String quoted(String value) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(value).toString();
    }
}
