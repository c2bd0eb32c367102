package dev.contactcard.contract.verifier.generative;

import static dev.contactcard.contract.verifier.generative.Gen.weight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contactcard.contract.verifier.Spec;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Generators of requests, driven by the spec's schemas: the fields of each request body, which are
 * required, which may be {@code null}, and their minimum and maximum lengths all come from the
 * schema, so a new field or a changed limit is generated without touching this class. The values
 * lean towards what the schema allows (so that most requests are valid, and the rest break one
 * rule), and reach its edges: lengths at and just past each limit, counted in code points; text
 * from every Unicode general category (unpaired surrogates aside: they cannot be sent as UTF-8);
 * phone numbers of any country code and length; URLs of every shape the prose of {@code image_url}
 * names. Whether a generated request is valid is never decided here but by {@link SpecOracle}.
 */
final class Inputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Code points by general category, letters first. */
    private static final List<List<Integer>> CATEGORIES = codePointsByCategory(false);

    /** White space, control and format characters: what "blank" is made of. */
    private static final List<List<Integer>> INVISIBLE = codePointsByCategory(true);

    private static final Gen<Integer> ANY_CODE_POINT = Gen.pick(CATEGORIES).flatMap(Gen::pick);
    private static final Gen<Integer> INVISIBLE_CODE_POINT = Gen.pick(INVISIBLE).flatMap(Gen::pick);
    private static final Gen<Integer> ASCII_LETTER =
            Gen.pick(IntStream.concat(IntStream.rangeClosed('a', 'z'), IntStream.rangeClosed('A', 'Z'))
                    .boxed()
                    .toList());

    private Inputs() {}

    /** Bodies of the operation ({@code POST} or {@code PATCH}), from its request schema. */
    static Gen<ObjectNode> bodiesOf(Spec spec, String method) {
        Schema<?> schema = requestSchema(spec, method);
        List<String> required = Optional.ofNullable(schema.getRequired()).orElse(List.of());
        Gen<ObjectNode> body = random -> NODES.objectNode();
        for (Map.Entry<String, Schema> property : properties(schema).entrySet()) {
            String name = property.getKey();
            Gen<Optional<JsonNode>> field = fieldOf(name, property.getValue(), required.contains(name));
            body = body.zip(field, (object, value) -> {
                value.ifPresent(v -> object.set(name, v));
                return object;
            });
        }
        return body;
    }

    /** Values of the {@code phone_number} query parameter: E.164 numbers of every length, and near misses. */
    static Gen<String> phoneNumbers() {
        Gen<String> valid = Gen.between(1, 9).zip(digits(1, 14), (first, rest) -> "+" + first + rest);
        Gen<String> nearMisses = Gen.oneOf(
                digits(2, 15), // no +
                digits(1, 14).map(rest -> "+0" + rest), // a leading 0
                Gen.between(1, 9).zip(digits(15, 15), (first, rest) -> "+" + first + rest), // 16 digits
                Gen.between(1, 9).map(first -> "+" + first), // 1 digit
                valid.zip(Gen.pick(List.of("\n", " ", "\u2028", "\u0000")), String::concat), // a trailing character
                valid.zip(Gen.pick(otherScriptsDigits()), (number, digit) -> number + Character.toString(digit)),
                valid.map(number -> "\uFF0B" + number.substring(1)), // a fullwidth plus
                text(ANY_CODE_POINT, 0, 16));
        return Gen.frequency(weight(5, valid), weight(2, nearMisses));
    }

    /** Valid {@code Idempotency-Key} values: 1 to 255 printable ASCII characters without spaces. */
    static Gen<String> idempotencyKeys() {
        Gen<Integer> printable = Gen.between('!', '~');
        return Gen.frequency(
                weight(3, text(printable, 1, 40)),
                weight(1, Gen.pick(List.of(1, 254, 255)).flatMap(length -> text(printable, length, length))));
    }

    private static Gen<Optional<JsonNode>> fieldOf(String name, Schema<?> schema, boolean required) {
        Gen<Optional<JsonNode>> value = valuesOf(name, schema).map(text -> Optional.of(NODES.textNode(text)));
        Gen<Optional<JsonNode>> absent = Gen.constant(Optional.empty());
        Gen<Optional<JsonNode>> explicitNull = Gen.constant(Optional.of(NODES.nullNode()));
        Gen<Optional<JsonNode>> wrongType = Gen.<JsonNode>pick(
                        List.of(NODES.numberNode(42), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode()))
                .map(Optional::of);
        return required
                ? Gen.frequency(weight(40, value), weight(1, absent), weight(1, explicitNull), weight(1, wrongType))
                : Gen.frequency(
                        weight(10, value),
                        weight(6, absent),
                        weight(Boolean.TRUE.equals(schema.getNullable()) ? 4 : 1, explicitNull),
                        weight(1, wrongType));
    }

    /** Text for one string field, by its schema: its own shape where it has a pattern, and every length. */
    private static Gen<String> valuesOf(String name, Schema<?> schema) {
        int min = Optional.ofNullable(schema.getMinLength()).orElse(0);
        int max = Optional.ofNullable(schema.getMaxLength()).orElse(64);
        Gen<String> anyText = text(ANY_CODE_POINT, min, max);
        Gen<String> lengthEdges = Gen.pick(List.of(Math.max(max - 1, 0), max, max + 1))
                .zip(Gen.pick(List.of("a", "\uD83D\uDE00", "\u00E9", "\u4E2D")), (length, unit) -> unit.repeat(length));
        return switch (name) {
            case "phone_number" -> phoneNumbers();
            case "image_url" -> Gen.frequency(weight(6, urls()), weight(1, urlsOfLength(max)), weight(1, anyText));
            case "first_name" ->
                Gen.frequency(weight(6, anyText), weight(2, text(INVISIBLE_CODE_POINT, 0, 4)), weight(1, lengthEdges));
            default -> Gen.frequency(weight(6, anyText), weight(1, lengthEdges));
        };
    }

    /** URLs: scheme in any case, userinfo, a host of any script or an IPv6 literal, any port, any path. */
    private static Gen<String> urls() {
        Gen<String> scheme = Gen.pick(List.of("http", "https", "ftp", "htp"))
                .zip(Gen.listOf(Gen.booleans(), 5, 5), (name, upper) -> {
                    StringBuilder cased = new StringBuilder();
                    for (int i = 0; i < name.length(); i++) {
                        char c = name.charAt(i);
                        cased.append(upper.get(i) ? Character.toUpperCase(c) : c);
                    }
                    return cased.toString();
                });
        Gen<String> separator =
                Gen.frequency(weight(9, Gen.constant("://")), weight(1, Gen.pick(List.of(":/", ":", "//", ""))));
        Gen<String> hostText = Gen.frequency(
                weight(6, text(ASCII_LETTER, 1, 12).map(label -> label + ".example")),
                weight(2, text(ANY_CODE_POINT, 0, 6)),
                weight(1, Gen.pick(List.of("[::1]", "[2001:db8::7]", "[]", "[::1", "@", ":", "#", ""))));
        Gen<String> userinfo = Gen.frequency(
                weight(6, Gen.constant("")), weight(1, Gen.pick(List.of("user@", "user:secret@", "a@b@", "@", ":@"))));
        Gen<String> port = Gen.frequency(
                weight(6, Gen.constant("")),
                weight(2, Gen.between(0, 99_999).map(number -> ":" + number)),
                weight(1, Gen.pick(List.of(":", ":0", ":00080", ":65535", ":65536", ":000001", ":8a"))));
        Gen<String> path = Gen.frequency(
                weight(3, Gen.constant("")),
                weight(4, Gen.pick(List.of("/", "?", "#")).zip(text(ANY_CODE_POINT, 0, 24), String::concat)),
                weight(2, Gen.constant("/contact-card/example.jpg")));
        return random -> scheme.next(random)
                + separator.next(random)
                + userinfo.next(random)
                + hostText.next(random)
                + port.next(random)
                + path.next(random);
    }

    /** Valid-looking URLs of the length limit, one less and one more, in code points. */
    private static Gen<String> urlsOfLength(int max) {
        String prefix = "https://cdn.example/";
        return Gen.pick(List.of(max - 1, max, max + 1))
                .zip(
                        Gen.pick(List.of("a", "\uD83D\uDE00", "\u00E9")),
                        (length, unit) -> prefix + unit.repeat(length - prefix.length()));
    }

    private static Gen<String> digits(int min, int max) {
        return text(Gen.between('0', '9'), min, max);
    }

    /** Text of {@code min} to {@code max + 1} code points, the lengths at both edges more often. */
    private static Gen<String> text(Gen<Integer> codePoints, int min, int max) {
        Gen<List<Integer>> anyLength = Gen.listOf(codePoints, min, max + 1);
        Gen<List<Integer>> edgeLength = Gen.pick(List.of(min, Math.max(min - 1, 0), max, max + 1))
                .flatMap(length -> Gen.listOf(codePoints, length, length));
        return Gen.frequency(weight(3, anyLength), weight(1, edgeLength)).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    private static List<Integer> otherScriptsDigits() {
        return List.of(0x0663, 0x06F3, 0x0969, 0x09EA, 0xFF13, 0x1D7D1);
    }

    private static List<List<Integer>> codePointsByCategory(boolean invisibleOnly) {
        List<Integer> order = new ArrayList<>();
        order.add((int) Character.UPPERCASE_LETTER);
        order.add((int) Character.LOWERCASE_LETTER);
        for (int category = 0; category <= 30; category++) {
            if (!order.contains(category)) {
                order.add(category);
            }
        }
        List<Integer> invisible = List.of(
                (int) Character.SPACE_SEPARATOR,
                (int) Character.LINE_SEPARATOR,
                (int) Character.PARAGRAPH_SEPARATOR,
                (int) Character.CONTROL,
                (int) Character.FORMAT);
        Map<Integer, List<Integer>> byCategory = new LinkedHashMap<>();
        order.forEach(category -> byCategory.put(category, new ArrayList<>()));
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            byCategory.get(Character.getType(codePoint)).add(codePoint);
        }
        byCategory.remove((int) Character.SURROGATE);
        List<List<Integer>> lists = new ArrayList<>();
        byCategory.forEach((category, codePoints) -> {
            if (!codePoints.isEmpty() && (!invisibleOnly || invisible.contains(category))) {
                lists.add(List.copyOf(codePoints));
            }
        });
        return List.copyOf(lists);
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> properties(Schema<?> schema) {
        return Optional.ofNullable(schema.getProperties()).orElse(Map.of());
    }

    private static Schema<?> requestSchema(Spec spec, String method) {
        Operation operation = switch (method) {
            case "POST" -> spec.model().getPaths().get("/v3/contact_card").getPost();
            case "PATCH" -> spec.model().getPaths().get("/v3/contact_card").getPatch();
            default -> throw new IllegalArgumentException(method + " has no request body");
        };
        return operation.getRequestBody().getContent().get("application/json").getSchema();
    }
}
