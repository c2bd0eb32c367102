package dev.contactcard.contract.verifier.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contactcard.contract.verifier.ApiRequest;
import dev.contactcard.contract.verifier.Exchange;
import dev.contactcard.contract.verifier.FictionalNumbers;
import dev.contactcard.contract.verifier.ProviderApi;
import dev.contactcard.contract.verifier.Target;
import dev.contactcard.contract.verifier.generative.SpecOracle.BrokenRule;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The generative checks, one example at a time. Each example generates a request from the spec's
 * schemas, asks the spec ({@link SpecOracle}) which rules it breaks, sends it, and judges the
 * answer: 200 when the spec allows the request (409 or 404 when the card's state says so), else
 * 400 with the code of a broken rule; then reads the card back to check what Pact cannot: the
 * answer and the stored card hold exactly the fields the card must have ({@link ExpectedCard}),
 * and a refused request stored nothing.
 *
 * <p>Nothing relies on an empty provider: an example first reads the state of the number it uses,
 * and the numbers it sets up are fictional ones ({@link FictionalNumbers}) or the generated ones.
 */
final class Checks {

    /** The spec's {@code PhoneNumber} pattern, read the way the spec says every pattern reads alike. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The largest request body the contract accepts (its code table: 413, code 2018, beyond 16 KiB). */
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final ProviderApi api;
    private final SpecOracle oracle;
    private final Gen<ObjectNode> creates;
    private final Gen<ObjectNode> updates;
    private final Target target;
    /** A prefix of every Idempotency-Key of this run, so that no key of an earlier run is used again. */
    private final String runNonce =
            UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    /** The cards this run created or updated (of the target's partner), as last answered. */
    private final Map<String, JsonNode> known = new LinkedHashMap<>();

    Checks(ProviderApi api) {
        this.api = api;
        this.target = api.target();
        this.oracle = new SpecOracle(api.spec());
        this.creates = Inputs.bodiesOf(api.spec(), "POST");
        this.updates = Inputs.bodiesOf(api.spec(), "PATCH");
    }

    private String readKey() {
        return target.readOnly().orElse(target.key());
    }

    private static boolean isNumber(JsonNode value) {
        return value != null
                && value.isTextual()
                && E164.matcher(value.asText()).matches();
    }

    /** Whether the request's body is over the contract's 16 KiB (in UTF-8, as sent). */
    private static boolean tooLarge(GeneratedRequest request) {
        String body = request.bodyJson();
        return body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES;
    }

    /** 413/2018 for the size, or 400 with the code of another broken rule: the spec orders them no way. */
    private static Map<Integer, Set<Integer>> tooLargeOr(List<BrokenRule> broken) {
        Map<Integer, Set<Integer>> allowed = new LinkedHashMap<>();
        allowed.put(413, Set.of(2018));
        if (!broken.isEmpty()) {
            allowed.put(400, codes(broken));
        }
        return allowed;
    }

    private static String alsoBroken(List<BrokenRule> broken) {
        return broken.isEmpty() ? "" : " (and the spec refuses it because " + broken + ")";
    }

    private static Set<Integer> codes(List<BrokenRule> broken) {
        return broken.stream().map(BrokenRule::code).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ creates

    /** A create generated from its schema, perhaps with an Idempotency-Key. */
    void create(Probe probe, RandomGenerator random) {
        ObjectNode body = creates.next(random);
        if (!known.isEmpty() && random.nextInt(8) == 0) {
            // Now and then a number this run set up: a create for an active card must be refused.
            body.put("phone_number", Gen.pick(List.copyOf(known.keySet())).next(random));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        boolean keyed = random.nextInt(4) == 0;
        if (keyed) {
            String suffix = Inputs.idempotencyKeys().next(random);
            headers.put("Idempotency-Key", (runNonce + suffix).substring(0, Math.min(255, 16 + suffix.length())));
        }
        GeneratedRequest generated = new GeneratedRequest("POST", null, body, headers);
        List<BrokenRule> broken = oracle.judge(generated);
        String number =
                isNumber(body.get("phone_number")) ? body.get("phone_number").asText() : null;
        Optional<JsonNode> before = number == null ? Optional.empty() : probe.cardOf(number, target.key());
        if (before == null) {
            return;
        }
        Exchange answer = probe.send(generated.withKey(target.key()));
        if (tooLarge(generated)) {
            probe.expectAnyError(answer, tooLargeOr(broken), "the body is larger than 16 KiB" + alsoBroken(broken));
            unchanged(probe, answer.request(), number, before);
            return;
        }
        if (!broken.isEmpty()) {
            probe.expectError(answer, 400, codes(broken), "the spec refuses it because " + broken);
            unchanged(probe, answer.request(), number, before);
            return;
        }
        if (before.isPresent() && before.get().path("is_active").asBoolean(false)) {
            probe.expectError(answer, 409, Set.of(2014), "the number already has an active card");
            unchanged(probe, answer.request(), number, before);
            return;
        }
        if (!probe.expectOk(answer, "the spec allows it and the number has no active card")) {
            return;
        }
        ExpectedCard expected = ExpectedCard.createdFrom(body);
        expected.differences(answer.json())
                .forEach(difference ->
                        probe.fail(answer.request(), "the created card differs from what was sent: " + difference));
        readsBackAs(probe, answer.request(), number, answer.json(), "created");
        if (keyed) {
            replays(probe, generated, answer, number);
        }
    }

    /** The same create again with its key is answered as the first; the key with another body is refused. */
    private void replays(Probe probe, GeneratedRequest first, Exchange firstAnswer, String number) {
        Exchange again = probe.send(first.withKey(target.key()));
        if (probe.expectOk(again, "the same create with the same Idempotency-Key is answered as the first")
                && !again.json().equals(firstAnswer.json())) {
            probe.fail(
                    again.request(),
                    "the same create with the same Idempotency-Key must be answered as the first ("
                            + firstAnswer.answer() + "), but it answered " + again.answer());
        }
        ObjectNode other = first.body().deepCopy();
        other.put("first_name", first.body().path("first_name").asText().equals("Other") ? "Another" : "Other");
        Exchange reused = probe.send(new GeneratedRequest("POST", null, other, first.headers()).withKey(target.key()));
        probe.expectError(reused, 422, Set.of(2022), "the Idempotency-Key was used for a create with another body");
        readsBackAs(probe, reused.request(), number, firstAnswer.json(), "left as the first create stored it");
    }

    // ------------------------------------------------------------------ updates

    /** An update generated from its schema, of a number that has an active card when the number is valid. */
    void update(Probe probe, RandomGenerator random) {
        String number = known.isEmpty() || random.nextInt(3) > 0
                ? Inputs.phoneNumbers().next(random)
                : Gen.pick(List.copyOf(known.keySet())).next(random);
        ObjectNode body = updates.next(random);
        GeneratedRequest generated = new GeneratedRequest("PATCH", number, body);
        List<BrokenRule> broken = oracle.judge(generated);
        JsonNode before = null;
        boolean inactive = false;
        if (E164.matcher(number).matches()) {
            Optional<JsonNode> current = probe.cardOf(number, target.key());
            if (current == null) {
                return;
            }
            if (current.isPresent() && current.get().path("is_active").asBoolean(false)) {
                before = current.get();
            } else {
                ObjectNode card = JSON.createObjectNode()
                        .put("phone_number", number)
                        .put("first_name", "Before")
                        .put("last_name", "Update")
                        .put("image_url", "https://cdn.example/before-update.jpg");
                Exchange created = probe.send(ApiRequest.of("POST", null, target.key(), card.toString())
                        .with("Idempotency-Key", UUID.randomUUID().toString()));
                if (!probe.expectOk(created, "a create for a number without an active card is accepted")) {
                    return;
                }
                inactive = !created.json().path("is_active").asBoolean(false);
                before = inactive ? null : created.json();
            }
        }
        Exchange answer = probe.send(generated.withKey(target.key()));
        if (tooLarge(generated)) {
            probe.expectAnyError(answer, tooLargeOr(broken), "the body is larger than 16 KiB" + alsoBroken(broken));
            if (before != null) {
                readsBackAs(probe, answer.request(), number, before, "left unchanged by the refused update");
            }
            return;
        }
        if (!broken.isEmpty()) {
            probe.expectError(answer, 400, codes(broken), "the spec refuses it because " + broken);
            if (before != null) {
                readsBackAs(probe, answer.request(), number, before, "left unchanged by the refused update");
            }
            return;
        }
        if (inactive) {
            probe.expectError(answer, 404, Set.of(2013), "the number's card is inactive (its apply step failed)");
            return;
        }
        if (!probe.expectOk(answer, "the spec allows it and the number has an active card")) {
            return;
        }
        ExpectedCard expected = ExpectedCard.merged(before, body);
        expected.differences(answer.json())
                .forEach(difference -> probe.fail(
                        answer.request(),
                        "the updated card is not the merge of the card and the update: " + difference));
        readsBackAs(probe, answer.request(), number, answer.json(), "updated");
    }

    // ------------------------------------------------------------------ gets

    /** A get of a generated number (one this run holds, now and then), or of every card. */
    void get(Probe probe, RandomGenerator random) {
        String number;
        int roll = random.nextInt(9);
        if (roll == 0) {
            number = null;
        } else if (roll <= 2 && !known.isEmpty()) {
            number = Gen.pick(List.copyOf(known.keySet())).next(random);
        } else {
            number = Inputs.phoneNumbers().next(random);
        }
        GeneratedRequest generated = new GeneratedRequest("GET", number, null);
        List<BrokenRule> broken = oracle.judge(generated);
        Exchange answer = probe.send(generated.withKey(readKey()));
        if (!broken.isEmpty()) {
            probe.expectError(answer, 400, codes(broken), "the spec refuses it because " + broken);
            return;
        }
        if (!probe.expectOk(answer, "the spec allows it")) {
            return;
        }
        JsonNode cards = answer.json().path("contact_cards");
        if (number == null) {
            everyCard(probe, answer, cards);
            return;
        }
        if (cards.size() > 1
                || (cards.size() == 1
                        && !cards.get(0).path("phone_number").asText().equals(number))) {
            probe.fail(
                    answer.request(),
                    "a get of one number answers its card or none, but it answered " + answer.answer());
        } else if (known.containsKey(number)
                && !(cards.size() == 1 && cards.get(0).equals(known.get(number)))) {
            probe.fail(
                    answer.request(),
                    "the card must read back as this run last saw it (" + known.get(number) + "), but it answered "
                            + answer.answer());
        }
    }

    /** The list of every card: ordered by phone number, each number once, every card this run holds as last seen. */
    private void everyCard(Probe probe, Exchange answer, JsonNode cards) {
        String previous = null;
        Map<String, JsonNode> listed = new HashMap<>();
        for (JsonNode card : cards) {
            String number = card.path("phone_number").asText();
            if (previous != null && previous.compareTo(number) >= 0) {
                probe.fail(
                        answer.request(),
                        "the list must be ordered by phone number, each once, but " + previous + " comes before "
                                + number);
                return;
            }
            previous = number;
            listed.put(number, card);
        }
        known.forEach((number, card) -> {
            if (!card.equals(listed.get(number))) {
                probe.fail(
                        answer.request(),
                        "the list must hold the card of " + number + " as " + card + ", but holds "
                                + listed.get(number));
            }
        });
    }

    // ------------------------------------------------------------------ keys

    /** A request of any operation with no key, an unknown or malformed one, or a read-only key on a write. */
    void authentication(Probe probe, RandomGenerator random) {
        String method = Gen.pick(List.of("POST", "PATCH", "GET")).next(random);
        GeneratedRequest generated = switch (method) {
            case "POST" -> new GeneratedRequest("POST", null, creates.next(random));
            case "PATCH" -> new GeneratedRequest("PATCH", Inputs.phoneNumbers().next(random), updates.next(random));
            default -> new GeneratedRequest("GET", Inputs.phoneNumbers().next(random), null);
        };
        List<String> authorizations = new ArrayList<>(
                List.of("", "Bearer unknown-" + runNonce, "Bearer ", "Basic c2FuZGJveC1ydy1rZXk6", "bearer"));
        boolean allowed = oracle.judge(generated).isEmpty();
        if (target.readOnly().isPresent() && !method.equals("GET") && allowed) {
            authorizations.add("Bearer " + target.readOnly().get());
        }
        String authorization = Gen.pick(authorizations).next(random);
        boolean readOnly = target.readOnly()
                .map(key -> authorization.equals("Bearer " + key))
                .orElse(false);
        String number = method.equals("POST")
                ? (isNumber(generated.body().get("phone_number"))
                        ? generated.body().get("phone_number").asText()
                        : null)
                : (E164.matcher(generated.phoneNumber()).matches() && !method.equals("GET")
                        ? generated.phoneNumber()
                        : null);
        Optional<JsonNode> before = number == null ? Optional.empty() : probe.cardOf(number, target.key());
        if (before == null) {
            return;
        }
        ApiRequest request =
                generated.withKey(null).with("Authorization", authorization.isEmpty() ? null : authorization);
        Exchange answer = probe.send(request);
        if (readOnly) {
            probe.expectError(
                    answer,
                    403,
                    Set.of(2005),
                    "a read-only key may not " + (method.equals("POST") ? "create" : "update"));
        } else {
            probe.expectError(
                    answer,
                    401,
                    Set.of(2004),
                    "the Authorization header is "
                            + (authorization.isEmpty()
                                    ? "missing"
                                    : "'" + authorization.replace(runNonce, "...") + "'"));
        }
        unchanged(probe, request, number, before);
    }

    // ------------------------------------------------------------------ the query

    /** A get whose {@code phone_number} is percent-encoded, or has a bad escape or bytes that are not UTF-8. */
    void query(Probe probe, RandomGenerator random) {
        String valid = URLEncoder.encode(Inputs.phoneNumbers().next(random), StandardCharsets.UTF_8);
        boolean broken = random.nextInt(5) < 2;
        String raw = broken
                ? valid
                        + Gen.pick(List.of("%ZZ", "%", "%2", "%FF", "%C3", "%E2%82", "%ED%A0%80", "%C0%AF"))
                                .next(random)
                : valid;
        String parameter = broken && random.nextBoolean() ? "other" : "phone_number";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + readKey());
        ApiRequest request = new ApiRequest("GET", parameter + "=" + raw, headers, null);
        Exchange answer = probe.send(request);
        String decoded = PercentEncoding.decodeStrictly(raw);
        if (decoded == null) {
            probe.expectError(
                    answer,
                    400,
                    Set.of(CodeTable.MALFORMED),
                    parameter + "=" + raw
                            + " is not percent-encoded UTF-8 (the code table: the query cannot be decoded)");
            return;
        }
        List<BrokenRule> rules = oracle.judge(new GeneratedRequest("GET", decoded, null));
        if (rules.isEmpty()) {
            probe.expectOk(answer, "the spec allows the decoded number");
        } else {
            probe.expectError(answer, 400, codes(rules), "the spec refuses the decoded number because " + rules);
        }
    }

    // ------------------------------------------------------------------ bodies

    /**
     * A create, or an update of a card this run holds, whose body is not JSON, too large,
     * content-encoded or malformed: each kind in turn.
     */
    void body(Probe probe, RandomGenerator random, int index) {
        String number = FictionalNumbers.pick("1", random);
        String valid = JSON.createObjectNode()
                .put("first_name", "Body")
                .put("phone_number", number)
                .toString();
        String method = "POST";
        String query = null;
        List<String> active = known.entrySet().stream()
                .filter(card -> card.getValue().path("is_active").asBoolean(false))
                .map(Map.Entry::getKey)
                .toList();
        if ((index / 6) % 2 == 1 && !active.isEmpty()) {
            // An update of an active card, so that only its body can be what is refused.
            method = "PATCH";
            query = "phone_number=" + ApiRequest.encode(Gen.pick(active).next(random));
            valid = "{\"first_name\":\"Body\"}";
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + target.key());
        headers.put("Content-Type", "application/json");
        String body = valid;
        int status = 415;
        int code = 2019;
        String why;
        switch (index % 6) {
            case 0 -> {
                headers.put("Content-Type", "text/plain");
                why = "the body is text/plain, not application/json";
            }
            case 1 -> {
                headers.put("Content-Type", "application/xml");
                why = "the body is application/xml, not application/json";
            }
            case 2 -> {
                headers.put("Content-Encoding", "gzip");
                why = "the body is content-encoded (gzip)";
            }
            case 3 -> {
                body = JSON.createObjectNode()
                        .put("first_name", "x".repeat(16 * 1024))
                        .put("phone_number", number)
                        .toString();
                status = 413;
                code = 2018;
                why = "the body is larger than 16 KiB";
            }
            case 4 -> {
                body = valid.substring(0, valid.length() - 1);
                status = 400;
                code = CodeTable.MALFORMED;
                why = "the body is not valid JSON";
            }
            default -> {
                body = "{\"first_name\":\"A\",\"first_name\":\"B\",\"phone_number\":\"" + number + "\"}";
                status = 400;
                code = CodeTable.MALFORMED;
                why = "the body repeats a key";
            }
        }
        probe.expectError(probe.send(new ApiRequest(method, query, headers, body)), status, Set.of(code), why);
    }

    // ------------------------------------------------------------------ partners

    /** A card of another partner: never shown to, changed by or listed for the target's partner. */
    void isolation(Probe probe, RandomGenerator random, boolean listEveryCard) {
        String other = target.otherPartner().orElseThrow();
        String number = FictionalNumbers.pick("1", random);
        Optional<JsonNode> own = probe.cardOf(number, target.key());
        if (own == null) {
            return;
        }
        ObjectNode card = JSON.createObjectNode()
                .put("phone_number", number)
                .put("first_name", "Mallory")
                .put("last_name", "Other-Partner");
        Exchange created = probe.send(ApiRequest.of("POST", null, other, card.toString()));
        if (created.status() != 200 && created.status() != 409) {
            probe.fail(
                    created.request(),
                    "the other partner's create must be answered 200 (or 409 for its active"
                            + " card), but it answered " + created.answer());
            return;
        }
        Optional<JsonNode> theirs = probe.cardOf(number, other);
        if (theirs == null || theirs.isEmpty()) {
            probe.fail(created.request(), "the other partner's card must read back, but it has none");
            return;
        }
        Exchange seen = probe.send(ApiRequest.of("GET", number, target.key(), null));
        JsonNode shown = seen.json().path("contact_cards");
        boolean mine = own.isPresent();
        if (!mine && shown.size() != 0) {
            probe.fail(
                    seen.request(),
                    "the partner has no card for the number; another partner's must never show, but" + " it answered "
                            + seen.answer());
        } else if (mine && !(shown.size() == 1 && shown.get(0).equals(own.get()))) {
            probe.fail(
                    seen.request(),
                    "the partner's own card must show (" + own.get() + "), not another partner's," + " but it answered "
                            + seen.answer());
        }
        if (!mine) {
            Exchange changed = probe.send(ApiRequest.of("PATCH", number, target.key(), "{\"first_name\":\"Eve\"}"));
            probe.expectError(
                    changed,
                    404,
                    Set.of(2013),
                    "the partner has no card for the number (another partner's" + " card is not its to change)");
            readsBackAs(probe, changed.request(), number, theirs.get(), "left unchanged for the other partner", other);
        }
        if (listEveryCard && !mine) {
            Exchange listed = probe.send(ApiRequest.of("GET", null, target.key(), null));
            for (JsonNode listedCard : listed.json().path("contact_cards")) {
                if (listedCard.path("phone_number").asText().equals(number)) {
                    probe.fail(
                            listed.request(),
                            "the list of the partner's cards must never hold another partner's" + " card, but it holds "
                                    + listedCard);
                }
            }
        }
    }

    // ------------------------------------------------------------------ read-backs

    private void unchanged(Probe probe, ApiRequest cause, String number, Optional<JsonNode> before) {
        if (number == null) {
            return;
        }
        Optional<JsonNode> after = probe.cardOf(number, target.key());
        if (after != null && !after.equals(before)) {
            probe.fail(
                    cause,
                    "a refused request must change nothing, but the card of " + number + " was "
                            + before.map(JsonNode::toString).orElse("none") + " and is now "
                            + after.map(JsonNode::toString).orElse("none"));
        }
    }

    private void readsBackAs(Probe probe, ApiRequest cause, String number, JsonNode expected, String what) {
        readsBackAs(probe, cause, number, expected, what, target.key());
        known.put(number, expected);
    }

    private void readsBackAs(Probe probe, ApiRequest cause, String number, JsonNode expected, String what, String key) {
        Optional<JsonNode> stored = probe.cardOf(number, key);
        if (stored != null && !(stored.isPresent() && stored.get().equals(expected))) {
            probe.fail(
                    cause,
                    "the card must read back as " + what + " (" + expected + "), but a get shows "
                            + stored.map(JsonNode::toString).orElse("no card"));
        }
    }
}
