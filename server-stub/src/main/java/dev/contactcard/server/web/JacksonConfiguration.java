package dev.contactcard.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
 *   <li>an explicit {@code "first_name": null} in an update fails (1003) instead of reading as
 *       "absent" (the generated model has a plain field for it);</li>
 *   <li>a key twice in one object is malformed JSON (1001), not "the last one wins", so the
 *       provider never reads a different value than a proxy or validator in front of it;</li>
 *   <li>absent optional fields are left out of answers, never written as {@code null}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer contactCardJson() {
        return builder -> builder.addMixIn(UpdateContactCardRequest.class, UpdateRequestNulls.class)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .changeDefaultPropertyInclusion(inclusion ->
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    }

    /** Mix-in: {@code first_name} of an update may be absent, but never an explicit null. */
    abstract static class UpdateRequestNulls {

        @JsonProperty("first_name")
        @JsonSetter(nulls = Nulls.FAIL)
        abstract void setFirstName(String firstName);
    }
}
