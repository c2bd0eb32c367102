package dev.contactcard.server.conformance;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.contactcard.server.support.SpecValidatingClient;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generators of requests, driven by the spec's schemas (read with Swagger Parser from the spec
 * artifact): the fields of each request body, which are required, which may be {@code null}, and
 * their minimum and maximum lengths all come from the schema, so a new field or a changed limit is
 * generated without touching this class. The values lean towards what the schema allows (so that
 * most requests are valid, and the rest break one rule), and reach its edges: lengths at and just
 * past each limit, counted in code points; text from every Unicode general category (unpaired
 * surrogates aside: they cannot be sent as UTF-8); phone numbers of any country code and length;
 * URLs of every shape the prose of {@code image_url} names. Whether a generated request is valid is
 * never decided here but by {@link SpecOracle}.
 */
final class Inputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final OpenAPI SPEC = readSpec();

    /** Code points by general category, letters first so that shrinking goes towards "A". */
    private static final List<List<Integer>> CATEGORIES = codePointsByCategory(false);

    /** White space, control and format characters: what "blank" is made of. */
    private static final List<List<Integer>> INVISIBLE = codePointsByCategory(true);

    private static final Gen<Integer> ANY_CODE_POINT = Generate.pick(CATEGORIES).flatMap(Generate::pick);
    private static final Gen<Integer> INVISIBLE_CODE_POINT =
            Generate.pick(INVISIBLE).flatMap(Generate::pick);
    private static final Gen<Integer> ASCII_LETTER =
            Generate.pick(IntStream.concat(IntStream.rangeClosed('a', 'z'), IntStream.rangeClosed('A', 'Z'))
                    .boxed()
                    .toList());

    private Inputs() {}

    /** Bodies of the operation ({@code post} or {@code patch}), from its request schema. */
    static Gen<ObjectNode> bodiesOf(String method) {
        Schema<?> schema = requestSchema(method);
        List<String> required = Optional.ofNullable(schema.getRequired()).orElse(List.of());
        Gen<ObjectNode> body = Generate.constant(NODES::objectNode);
        for (Map.Entry<String, Schema> property : properties(schema).entrySet()) {
            String name = property.getKey();
            Gen<Optional<JsonNode>> field = fieldOf(name, property.getValue(), required.contains(name));
            body = body.zip(field, (object, value) -> {
                ObjectNode copy = object.deepCopy();
                value.ifPresent(v -> copy.set(name, v));
                return copy;
            });
        }
        return body;
    }

    /** Values of the {@code phone_number} query parameter: E.164 numbers of every length, and near misses. */
    static Gen<String> phoneNumbers() {
        Gen<String> valid = integers().between(1, 9).zip(digits(1, 14), (first, rest) -> "+" + first + rest);
        Gen<String> nearMisses = Generate.oneOf(
                digits(2, 15), // no +
                digits(1, 14).map(rest -> "+0" + rest), // a leading 0
                integers().between(1, 9).zip(digits(15, 15), (first, rest) -> "+" + first + rest), // 16 digits
                integers().between(1, 9).map(first -> "+" + first), // 1 digit
                valid.zip(
                        Generate.pick(List.of("\n", " ", "\u2028", "\u0000")), String::concat), // a trailing character
                valid.zip(Generate.pick(otherScriptsDigits()), (number, digit) -> number + Character.toString(digit)),
                valid.map(number -> "\uFF0B" + number.substring(1)), // a fullwidth plus
                text(ANY_CODE_POINT, 0, 16));
        return Generate.frequency(Pair.of(5, valid), Pair.of(2, nearMisses));
    }

    private static Gen<Optional<JsonNode>> fieldOf(String name, Schema<?> schema, boolean required) {
        Gen<Optional<JsonNode>> value = valuesOf(name, schema).map(text -> Optional.of(NODES.stringNode(text)));
        Gen<Optional<JsonNode>> absent = Generate.constant(Optional.empty());
        Gen<Optional<JsonNode>> explicitNull = Generate.constant(Optional.of(NODES.nullNode()));
        Gen<Optional<JsonNode>> wrongType = Generate.pick(List.<JsonNode>of(
                        NODES.numberNode(42), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode()))
                .map(Optional::of);
        return required
                ? Generate.frequency(
                        Pair.of(40, value), Pair.of(1, absent), Pair.of(1, explicitNull), Pair.of(1, wrongType))
                : Generate.frequency(
                        Pair.of(10, value),
                        Pair.of(6, absent),
                        Pair.of(Boolean.TRUE.equals(schema.getNullable()) ? 4 : 1, explicitNull),
                        Pair.of(1, wrongType));
    }

    /** Text for one string field, by its schema: its own shape where it has a pattern, and every length. */
    private static Gen<String> valuesOf(String name, Schema<?> schema) {
        int min = Optional.ofNullable(schema.getMinLength()).orElse(0);
        int max = Optional.ofNullable(schema.getMaxLength()).orElse(64);
        Gen<String> anyText = text(ANY_CODE_POINT, min, max);
        Gen<String> lengthEdges = Generate.pick(List.of(Math.max(max - 1, 0), max, max + 1))
                .zip(
                        Generate.pick(List.of("a", "\uD83D\uDE00", "\u00E9", "\u4E2D")),
                        (length, unit) -> length + ":" + unit)
                .map(spec -> {
                    int length = Integer.parseInt(spec.substring(0, spec.indexOf(':')));
                    String unit = spec.substring(spec.indexOf(':') + 1);
                    return unit.repeat(length);
                });
        return switch (name) {
            case "phone_number" -> phoneNumbers();
            case "image_url" ->
                Generate.frequency(Pair.of(6, urls()), Pair.of(1, urlsOfLength(max)), Pair.of(1, anyText));
            case "first_name" ->
                Generate.frequency(
                        Pair.of(6, anyText), Pair.of(2, text(INVISIBLE_CODE_POINT, 0, 4)), Pair.of(1, lengthEdges));
            default -> Generate.frequency(Pair.of(6, anyText), Pair.of(1, lengthEdges));
        };
    }

    /** URLs: scheme in any case, userinfo, a host of any script or an IPv6 literal, any port, any path. */
    private static Gen<String> urls() {
        Gen<String> scheme = Generate.pick(List.of("http", "https", "ftp", "htp"))
                .zip(lists().of(Generate.booleans()).ofSize(5), (name, upper) -> {
                    StringBuilder cased = new StringBuilder();
                    for (int i = 0; i < name.length(); i++) {
                        char c = name.charAt(i);
                        cased.append(upper.get(i) ? Character.toUpperCase(c) : c);
                    }
                    return cased.toString();
                });
        Gen<String> separator = Generate.frequency(
                Pair.of(9, Generate.constant("://")), Pair.of(1, Generate.pick(List.of(":/", ":", "//", ""))));
        Gen<String> hostText = Generate.frequency(
                Pair.of(6, text(ASCII_LETTER, 1, 12).map(label -> label + ".example")),
                Pair.of(2, text(ANY_CODE_POINT, 0, 6)),
                Pair.of(1, Generate.pick(List.of("[::1]", "[2001:db8::7]", "[]", "[::1", "@", ":", "#", ""))));
        Gen<String> userinfo = Generate.frequency(
                Pair.of(6, Generate.constant("")),
                Pair.of(1, Generate.pick(List.of("user@", "user:secret@", "a@b@", "@", ":@"))));
        Gen<String> port = Generate.frequency(
                Pair.of(6, Generate.constant("")),
                Pair.of(2, integers().between(0, 99_999).map(number -> ":" + number)),
                Pair.of(1, Generate.pick(List.of(":", ":0", ":00080", ":65535", ":65536", ":000001", ":8a"))));
        Gen<String> path = Generate.frequency(
                Pair.of(3, Generate.constant("")),
                Pair.of(4, Generate.pick(List.of("/", "?", "#")).zip(text(ANY_CODE_POINT, 0, 24), String::concat)),
                Pair.of(2, Generate.constant("/contact-card/example.jpg")));
        return scheme.zip(separator, userinfo, hostText, (s, sep, user, host) -> s + sep + user + host)
                .zip(port, path, (start, p, rest) -> start + p + rest);
    }

    /** Valid-looking URLs of the length limit, one less and one more, in code points. */
    private static Gen<String> urlsOfLength(int max) {
        String prefix = "https://cdn.example/";
        return Generate.pick(List.of(max - 1, max, max + 1))
                .zip(
                        Generate.pick(List.of("a", "\uD83D\uDE00", "\u00E9")),
                        (length, unit) -> prefix + unit.repeat(length - prefix.length()));
    }

    private static Gen<String> digits(int min, int max) {
        return text(integers().between('0', '9'), min, max);
    }

    /** Text of {@code min} to {@code max + 1} code points, the lengths at both edges more often. */
    private static Gen<String> text(Gen<Integer> codePoints, int min, int max) {
        Gen<List<Integer>> anyLength = lists().of(codePoints).ofSizeBetween(min, max + 1);
        Gen<List<Integer>> edgeLength = Generate.pick(List.of(min, Math.max(min - 1, 0), max, max + 1))
                .flatMap(length -> lists().of(codePoints).ofSize(length));
        return Generate.frequency(Pair.of(3, anyLength), Pair.of(1, edgeLength)).map(list -> {
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

    private static Schema<?> requestSchema(String method) {
        Operation operation = switch (method) {
            case "POST" -> SPEC.getPaths().get("/v3/contact_card").getPost();
            case "PATCH" -> SPEC.getPaths().get("/v3/contact_card").getPatch();
            default -> throw new IllegalArgumentException(method + " has no request body");
        };
        return operation.getRequestBody().getContent().get("application/json").getSchema();
    }

    private static OpenAPI readSpec() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser()
                .readContents(SpecValidatingClient.readSpec(), null, options)
                .getOpenAPI();
    }
}
