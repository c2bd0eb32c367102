package dev.contactcard.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.contactcard.client.model.ContactCard;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads a success body with Jackson and checks it against the spec's {@code required} fields
 * (which the generator carries over as {@code @JsonProperty(required = true)}), so a 2xx that is
 * not the documented model fails here, as a {@link ContactCardInvalidDataException}, instead of
 * as a {@code NullPointerException} in the caller's code later. Feign wraps the exception in a
 * {@code DecodeException}; {@link ContactCardClient} unwraps it.
 *
 * <p>Messages never quote the body, since it may carry phone numbers: they name the JSON path that
 * is wrong instead. For a body that is not JSON at all (a proxy's or captive portal's HTML page)
 * they give its media type and size, which tell the caller what answered; the body itself is in
 * the DEBUG log.
 */
final class ContactCardDecoder implements Decoder {

    private static final String MODEL_PACKAGE = ContactCard.class.getPackageName();

    private final ObjectMapper objectMapper;
    private final Function<JavaType, BeanDescription> introspector;

    /**
     * The properties of each model type, read once: introspecting a class (annotations, fields,
     * accessors) costs far more than decoding a body, so it must not happen on every call.
     */
    private final Map<JavaType, List<ModelProperty>> properties = new ConcurrentHashMap<>();

    ContactCardDecoder(ObjectMapper objectMapper) {
        this(objectMapper, type -> objectMapper.getDeserializationConfig().introspect(type));
    }

    /** With the introspection of a model type injected, so tests can count it. */
    ContactCardDecoder(ObjectMapper objectMapper, Function<JavaType, BeanDescription> introspector) {
        this.objectMapper = objectMapper;
        this.introspector = introspector;
    }

    /** A property of a model as the required-field check needs it. */
    private record ModelProperty(String name, boolean required, JavaType type) {}

    @Override
    public Object decode(Response response, Type type) throws IOException {
        byte[] bytes;
        if (response.body() == null) {
            bytes = new byte[0];
        } else {
            try (InputStream in = response.body().asInputStream()) {
                bytes = in.readAllBytes();
            }
        }
        String what =
                "HTTP " + response.status() + " answer to " + response.request().httpMethod();
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new ContactCardInvalidDataException(what + " has an empty body", null);
        }
        String expected = simpleName(type);
        JavaType javaType = objectMapper.constructType(type);
        Object value;
        String missing;
        try {
            JsonNode tree = objectMapper.readTree(bytes);
            value = objectMapper.treeToValue(tree, javaType);
            missing = firstMissingRequiredField(javaType, tree, "");
        } catch (JacksonException e) {
            throw new ContactCardInvalidDataException(
                    what + " is not a valid " + expected + ": " + problem(e, text, response, bytes.length), e);
        }
        if (value == null) {
            throw new ContactCardInvalidDataException(what + " is not a valid " + expected + ": null", null);
        }
        if (missing != null) {
            throw new ContactCardInvalidDataException(
                    what + " is not a valid " + expected + ": required field " + missing + " is missing or null", null);
        }
        return value;
    }

    /** What is wrong, without quoting the body (it may hold phone numbers). */
    private static String problem(JacksonException e, String text, Response response, int size) {
        boolean looksLikeJson = text.startsWith("{") || text.startsWith("[");
        if (!looksLikeJson) {
            String mediaType = response.headers().entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                    .flatMap(header -> header.getValue().stream())
                    .findFirst()
                    .map(type -> type.replaceAll("[^\\x21-\\x7e ]", "?"))
                    .orElse("no Content-Type");
            return "not JSON (" + size + " bytes, " + mediaType + "; the body is logged at DEBUG, never quoted)";
        }
        if (e instanceof JsonMappingException
                && !((JsonMappingException) e).getPath().isEmpty()) {
            return "unexpected value at " + path(((JsonMappingException) e).getPath());
        }
        if (e.getLocation() == null) {
            return "malformed JSON";
        }
        return "malformed JSON at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the top level" : path.toString();
    }

    /**
     * The JSON path of the first property that the spec marks {@code required} (the generator's
     * {@code @JsonProperty(required = true)}) but that is absent or null in the JSON, looking into
     * nested models and lists; {@code null} if there is none. The JSON is checked rather than the
     * model, since a generated model fills a missing required list with an empty one.
     */
    private String firstMissingRequiredField(JavaType type, JsonNode json, String path) {
        if (type.isCollectionLikeType() && json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                String elementPath = path + "[" + i + "]";
                if (json.get(i).isNull()) {
                    return elementPath;
                }
                String missing = firstMissingRequiredField(type.getContentType(), json.get(i), elementPath);
                if (missing != null) {
                    return missing;
                }
            }
            return null;
        }
        if (!json.isObject() || !type.getRawClass().getPackageName().equals(MODEL_PACKAGE)) {
            return null;
        }
        for (ModelProperty property : properties.computeIfAbsent(type, this::introspect)) {
            String propertyPath = path.isEmpty() ? property.name() : path + "." + property.name();
            JsonNode value = json.get(property.name());
            if (value == null || value.isNull()) {
                if (property.required()) {
                    return propertyPath;
                }
                continue;
            }
            String missing = firstMissingRequiredField(property.type(), value, propertyPath);
            if (missing != null) {
                return missing;
            }
        }
        return null;
    }

    private List<ModelProperty> introspect(JavaType type) {
        List<ModelProperty> found = new ArrayList<>();
        for (BeanPropertyDefinition property : introspector.apply(type).findProperties()) {
            found.add(new ModelProperty(property.getName(), property.isRequired(), property.getPrimaryType()));
        }
        return List.copyOf(found);
    }

    private static String simpleName(Type type) {
        return type instanceof Class ? ((Class<?>) type).getSimpleName() : type.getTypeName();
    }
}
