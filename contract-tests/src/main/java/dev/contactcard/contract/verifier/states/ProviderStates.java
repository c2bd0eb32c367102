package dev.contactcard.contract.verifier.states;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junitsupport.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contactcard.contract.verifier.ApiRequest;
import dev.contactcard.contract.verifier.Exchange;
import dev.contactcard.contract.verifier.FictionalNumbers;
import dev.contactcard.contract.verifier.ProviderApi;
import dev.contactcard.contract.verifier.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The provider states of the Contact Card pacts, each set up through the public API only, so that
 * any provider at a URL can be verified, again and again, without being emptied: a POST makes an
 * active card, the provider's failing test numbers make an inactive one, and the other partners
 * and keys come from the {@link Target}. Every number a state hands out is a fresh fictional one
 * ({@link FictionalNumbers}) that the partner holds no card for, and the pacts take it from the
 * state (Pact's provider-state injected values), as they take the API key.
 *
 * <p>Before each interaction, {@link #prepare} decides which keys its states use and whether the
 * target can be put in every one of them; a state it cannot be put in (a key not given, no failing
 * test numbers) is reported by name, and the interaction is not verified. The catalogue, with
 * what each state needs from a provider, is in {@code contract-tests/README.md}.
 *
 * <p>Setup is tolerant in what it reads: only a card the provider shows counts as "the number has
 * a card", and a create answered 200 counts as stored, so that a provider drifting in what an
 * interaction pins fails that interaction, not the setup of every other one. The spec still
 * judges every setup answer (reported apart, as setup findings).
 */
public class ProviderStates {

    /** Every interaction names the key it is sent with: one of these four states, or the next one. */
    public static final String READ_WRITE_KEY = "the API key is read-write";

    public static final String READ_ONLY_KEY = "the API key is read-only";
    public static final String UNKNOWN_KEY = "the API key is unknown";
    /** The key is of a partner that holds no card at all. */
    public static final String PARTNER_WITHOUT_CARDS = "the partner has no card";
    /** The key is of a partner that holds no card besides those the interaction's card states give it. */
    public static final String PARTNER_WITH_NO_OTHER_CARD = "the partner has no other card";

    public static final String NO_CARD = "no card exists for the number";
    public static final String ACTIVE_CARD = "an active card exists for the number";
    public static final String INACTIVE_CARD = "an inactive card exists for the number";
    public static final String OTHER_PARTNERS_CARD = "a card of another partner exists for the number";
    public static final String APPLY_FAILS = "the apply step fails for the number";

    /** The values states hand to the pacts' provider-state expressions ({@code ${api_key}} and so on). */
    public static final String API_KEY = "api_key";

    public static final String PHONE_NUMBER = "phone_number";
    public static final String IMAGE_URL = "image_url";

    /** The parameter of {@link #NO_CARD} that asks for a number of another country than North America's {@code 1}. */
    public static final String COUNTRY_CALLING_CODE = "country_calling_code";

    private static final Set<String> KEY_STATES =
            Set.of(READ_WRITE_KEY, READ_ONLY_KEY, UNKNOWN_KEY, PARTNER_WITHOUT_CARDS, PARTNER_WITH_NO_OTHER_CARD);
    private static final Set<String> CARD_STATES = Set.of(NO_CARD, ACTIVE_CARD, INACTIVE_CARD, APPLY_FAILS);
    private static final int FRESH_NUMBER_TRIES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderApi api;
    private final RandomGenerator random;
    private Plan plan;

    public ProviderStates(ProviderApi api, RandomGenerator random) {
        this.api = api;
        this.random = random;
    }

    /** Every state this class sets up. */
    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>(KEY_STATES);
        names.addAll(CARD_STATES);
        names.add(OTHER_PARTNERS_CARD);
        return names;
    }

    /** A state the target cannot be put in, and why. */
    public record Unavailable(String state, String reason) {}

    /**
     * Plans the states of {@code interaction}: which key it is sent with and which partner its
     * cards go to; checks that the target can be put in each of its states.
     *
     * @return the first state the target cannot be put in, if any
     */
    public Optional<Unavailable> prepare(Interaction interaction) {
        Target target = api.target();
        List<ProviderState> states = interaction.getProviderStates();
        String keyState = states.stream()
                .map(ProviderState::getName)
                .filter(KEY_STATES::contains)
                .findFirst()
                .orElse(READ_WRITE_KEY);
        String writer = keyState.equals(PARTNER_WITH_NO_OTHER_CARD)
                ? target.listingPartner().orElse(null)
                : target.key();
        plan = new Plan(keyState, writer);
        for (ProviderState state : states) {
            Optional<String> missing = missing(state, keyState, states);
            if (missing.isPresent()) {
                return Optional.of(new Unavailable(state.getName(), missing.get()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> missing(ProviderState state, String keyState, List<ProviderState> all) {
        Target target = api.target();
        switch (state.getName()) {
            case READ_ONLY_KEY:
                return target.readOnly().isPresent()
                        ? Optional.empty()
                        : Optional.of("no read-only key of the partner was given (--read-only-key)");
            case PARTNER_WITHOUT_CARDS:
                if (target.emptyPartner().isEmpty()) {
                    return Optional.of("no key of a partner without cards was given (--empty-partner-key)");
                }
                return cardsOf(target.emptyPartner().get())
                        .filter(cards -> !cards.isEmpty())
                        .map(cards -> "the partner of --empty-partner-key holds " + cards.size() + " card(s)");
            case PARTNER_WITH_NO_OTHER_CARD:
                return listingPartnerReady(all);
            case OTHER_PARTNERS_CARD:
                return target.otherPartner().isPresent()
                        ? Optional.empty()
                        : Optional.of("no key of another partner was given (--other-partner-key)");
            case APPLY_FAILS:
                return target.failing().isPresent()
                        ? Optional.empty()
                        : Optional.of("the provider has no failing test numbers (--failing-numbers)");
            case INACTIVE_CARD:
                if (target.failing().isEmpty()) {
                    return Optional.of("an inactive card needs a number whose apply step fails, and the provider "
                            + "has no failing test numbers (--failing-numbers)");
                }
                String fixed = string(state.getParams(), PHONE_NUMBER);
                return fixed == null || target.failing().get().contains(fixed)
                        ? Optional.empty()
                        : Optional.of(fixed + " is not one of the provider's failing test numbers ("
                                + target.failing().get() + ")");
            default:
                if (keyState.equals(PARTNER_WITHOUT_CARDS)
                        && CARD_STATES.contains(state.getName())
                        && !state.getName().equals(NO_CARD)) {
                    return Optional.of("a partner without cards cannot be given one; the pact combines '"
                            + PARTNER_WITHOUT_CARDS + "' with '" + state.getName() + "'");
                }
                return Optional.empty();
        }
    }

    /** The listing partner holds no card but at the fixed numbers of the interaction's card states. */
    private Optional<String> listingPartnerReady(List<ProviderState> states) {
        Optional<String> key = api.target().listingPartner();
        if (key.isEmpty()) {
            return Optional.of("no key of a partner kept for the listing was given (--listing-partner-key)");
        }
        Set<String> own = new LinkedHashSet<>();
        for (ProviderState state : states) {
            if (state.getName().equals(ACTIVE_CARD) || state.getName().equals(INACTIVE_CARD)) {
                String number = string(state.getParams(), PHONE_NUMBER);
                if (number == null) {
                    return Optional.of("its card states must name their phone_number, so that each run finds the"
                            + " same cards (the pact's '" + state.getName() + "' names none)");
                }
                own.add(number);
            }
        }
        Optional<List<String>> others = cardsOf(key.get())
                .map(cards ->
                        cards.stream().filter(number -> !own.contains(number)).toList());
        return others.filter(numbers -> !numbers.isEmpty())
                .map(numbers -> "the partner of --listing-partner-key holds other cards: "
                        + String.join(", ", numbers.subList(0, Math.min(5, numbers.size())))
                        + (numbers.size() > 5 ? " and " + (numbers.size() - 5) + " more" : ""));
    }

    // ------------------------------------------------------------------ the key states

    @State(READ_WRITE_KEY)
    public Map<String, Object> theKeyIsReadWrite() {
        return Map.of(API_KEY, api.target().key());
    }

    @State(READ_ONLY_KEY)
    public Map<String, Object> theKeyIsReadOnly() {
        return Map.of(API_KEY, api.target().readOnly().orElseThrow());
    }

    @State(UNKNOWN_KEY)
    public Map<String, Object> theKeyIsUnknown() {
        return Map.of(API_KEY, "unknown-" + UUID.randomUUID());
    }

    @State(PARTNER_WITHOUT_CARDS)
    public Map<String, Object> thePartnerHasNoCard() {
        return Map.of(API_KEY, api.target().emptyPartner().orElseThrow());
    }

    @State(PARTNER_WITH_NO_OTHER_CARD)
    public Map<String, Object> thePartnerHasNoOtherCard() {
        return Map.of(API_KEY, api.target().listingPartner().orElseThrow());
    }

    // ------------------------------------------------------------------ the card states

    @State(NO_CARD)
    public Map<String, Object> noCardExists(Map<String, Object> params) {
        String country =
                Optional.ofNullable(string(params, COUNTRY_CALLING_CODE)).orElse("1");
        return Map.of(PHONE_NUMBER, freshNumber(NO_CARD, country, writer()));
    }

    @State(ACTIVE_CARD)
    public Map<String, Object> anActiveCardExists(Map<String, Object> params) {
        String fixed = string(params, PHONE_NUMBER);
        String number = fixed != null ? fixed : freshNumber(ACTIVE_CARD, "1", writer());
        Exchange created = create(ACTIVE_CARD, writer(), number, params);
        if (created.status() == 409 && fixed != null) {
            // The card of a fixed number is kept from an earlier run: give it exactly these fields.
            Exchange updated =
                    setup(ACTIVE_CARD, ApiRequest.of("PATCH", number, writer(), write(cardFields(params, true))));
            require(updated, 200, ACTIVE_CARD, "update the kept card of " + number + " to the state's fields");
            return values(number, updated);
        }
        require(created, 200, ACTIVE_CARD, "create an active card for " + number);
        if (created.json().path("is_active").isBoolean()
                && !created.json().path("is_active").booleanValue()) {
            throw new IllegalStateException("State '" + ACTIVE_CARD + "': the apply step failed for " + number
                    + ", so the provider cannot be given an active card there: " + created);
        }
        return values(number, created);
    }

    @State(INACTIVE_CARD)
    public Map<String, Object> anInactiveCardExists(Map<String, Object> params) {
        String fixed = string(params, PHONE_NUMBER);
        String number =
                fixed != null ? fixed : api.target().failing().orElseThrow().pick(random);
        // A create for a number whose card is inactive retries the setup with these values, and fails again.
        Exchange created = create(INACTIVE_CARD, writer(), number, params);
        require(created, 200, INACTIVE_CARD, "create a card for the failing test number " + number);
        if (created.json().path("is_active").asBoolean(false)) {
            throw new IllegalStateException("State '" + INACTIVE_CARD + "': the apply step did not fail for "
                    + number + ", one of the failing test numbers given ("
                    + api.target().failing().orElseThrow()
                    + "): " + created);
        }
        return values(number, created);
    }

    @State(OTHER_PARTNERS_CARD)
    public Map<String, Object> anotherPartnersCardExists(Map<String, Object> params) {
        String other = api.target().otherPartner().orElseThrow();
        String number = freshNumber(OTHER_PARTNERS_CARD, "1", writer());
        Exchange created = create(OTHER_PARTNERS_CARD, other, number, params);
        require(created, 200, OTHER_PARTNERS_CARD, "create a card of the other partner for " + number);
        return Map.of(PHONE_NUMBER, number);
    }

    @State(APPLY_FAILS)
    public Map<String, Object> theApplyStepFails() {
        return Map.of(PHONE_NUMBER, api.target().failing().orElseThrow().pick(random));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A fictional number the partner of {@code key} holds no card for (as far as a get shows: only
     * a card in the answer counts as one).
     */
    private String freshNumber(String state, String countryCallingCode, String key) {
        for (int i = 0; i < FRESH_NUMBER_TRIES; i++) {
            String candidate = FictionalNumbers.pick(countryCallingCode, random);
            Exchange found = setup(state, ApiRequest.of("GET", candidate, key, null));
            if (!(found.status() == 200 && found.json().path("contact_cards").size() > 0)) {
                return candidate;
            }
        }
        throw new IllegalStateException("State '" + state + "': no free fictional number of +" + countryCallingCode
                + " found in " + FRESH_NUMBER_TRIES + " tries");
    }

    /** The phone numbers of every card of the partner of {@code key}; empty when the list cannot be read. */
    private Optional<List<String>> cardsOf(String key) {
        Exchange listed = setup("(listing a partner's cards)", ApiRequest.of("GET", null, key, null));
        if (listed.status() != 200 || !listed.json().path("contact_cards").isArray()) {
            return Optional.empty();
        }
        List<String> numbers = new ArrayList<>();
        listed.json()
                .path("contact_cards")
                .forEach(card -> numbers.add(card.path(PHONE_NUMBER).asText()));
        return Optional.of(numbers);
    }

    private Exchange create(String state, String key, String number, Map<String, Object> params) {
        ObjectNode body = cardFields(params, false);
        body.put(PHONE_NUMBER, number);
        return setup(
                state,
                ApiRequest.of("POST", null, key, write(body))
                        .with("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** The card's fields from the state's parameters; with {@code clearAbsent}, a field it does not name is {@code null}. */
    private static ObjectNode cardFields(Map<String, Object> params, boolean clearAbsent) {
        ObjectNode fields = JSON.createObjectNode();
        String firstName = string(params, "first_name");
        fields.put("first_name", firstName == null ? "Verifier" : firstName);
        for (String optional : List.of("last_name", IMAGE_URL)) {
            String value = string(params, optional);
            if (value != null) {
                fields.put(optional, value);
            } else if (clearAbsent) {
                fields.putNull(optional);
            }
        }
        return fields;
    }

    /** The values a card state hands to the pact: its number, and the image URL the provider hosts, if any. */
    private static Map<String, Object> values(String number, Exchange answer) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(PHONE_NUMBER, number);
        JsonNode image = answer.json().path(IMAGE_URL);
        if (image.isTextual()) {
            values.put(IMAGE_URL, image.asText());
        }
        return values;
    }

    private Exchange setup(String state, ApiRequest request) {
        Exchange exchange = api.send(request);
        if (!exchange.specFindings().isEmpty()) {
            api.ledger()
                    .setupFinding("setting up '" + state + "': " + exchange + ": "
                            + String.join("; ", exchange.specFindings()));
        }
        return exchange;
    }

    private static void require(Exchange exchange, int status, String state, String what) {
        if (exchange.status() != status) {
            throw new IllegalStateException("State '" + state + "': could not " + what + ": " + exchange);
        }
    }

    private static String write(JsonNode body) {
        return body.toString();
    }

    private static String string(Map<String, Object> params, String name) {
        Object value = params == null ? null : params.get(name);
        return value == null ? null : value.toString();
    }

    /** The read-write key the current interaction's cards are set up with (the target's, before any {@link #prepare}). */
    private String writer() {
        return plan == null || plan.writer() == null ? api.target().key() : plan.writer();
    }

    /** The key an interaction is sent with, and the read-write key its cards are set up with. */
    private record Plan(String keyState, String writer) {}
}
