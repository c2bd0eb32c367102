package dev.contactcard.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.contactcard.server.generated.model.CreateContactCardRequest;
import dev.contactcard.server.generated.model.UpdateContactCardRequest;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON as the spec reads it, applied to Spring Boot's Jackson 3 {@code JsonMapper}:
 * <ul>
 *   <li>{@code JsonNullable} support, so an update tells an absent field from an explicit null: not
 *       registered here, Spring Boot finds jackson-databind-nullable's {@code JsonNullableJackson3Module}
 *       through its {@code ServiceLoader} entry ({@code spring.jackson.find-and-add-modules}, on by default);</li>
 *   <li>no scalar coercion into strings: {@code "first_name": 42} is a wrong JSON type (1001),
 *       not the name "42";</li>
 *   <li>an explicit {@code null} where the spec does not allow one fails (1003) instead of reading
 *       as "absent" (the generated models have plain fields for them): any field of a create (the
 *       spec allows {@code null} only in an update, where it clears a field), and
 *       {@code first_name} of an update (which cannot be cleared);</li>
 *   <li>a key twice in one object is malformed JSON (1001), not "the last one wins", so the
 *       provider never reads a different value than a proxy or validator in front of it;</li>
 *   <li>absent optional fields are left out of answers, never written as {@code null}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer contactCardJson() {
        return builder -> builder.addMixIn(CreateContactCardRequest.class, CreateRequestNulls.class)
                .addMixIn(UpdateContactCardRequest.class, UpdateRequestNulls.class)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .changeDefaultPropertyInclusion(inclusion ->
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    }

    /**
     * Mix-in: the optional fields of a create may be absent, but never an explicit null. The spec's
     * create schema allows {@code null} nowhere; reading it as "absent" would accept what every
     * schema-driven tool refuses. (A null required field fails the generated {@code @NotNull}: 1003.)
     */
    abstract static class CreateRequestNulls {

        @JsonProperty("last_name")
        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setLastName(String lastName);

        @JsonProperty("image_url")
        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setImageUrl(String imageUrl);
    }

    /** Mix-in: {@code first_name} of an update may be absent, but never an explicit null. */
    abstract static class UpdateRequestNulls {

        @JsonProperty("first_name")
        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setFirstName(String firstName);
    }
}
