package dev.contactcard.server.validation;

import dev.contactcard.server.generated.model.CreateContactCardRequest;
import dev.contactcard.server.generated.model.UpdateContactCardRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean validation as the spec reads it, applied to the validator Spring MVC runs on the generated
 * models:
 * <ul>
 *   <li>string lengths in characters, not UTF-16 units ({@link CodePointSizeValidator});</li>
 *   <li>patterns judged as JSON Schema judges them, matching anywhere in the text
 *       ({@link SpecPatternValidator}): the spec's patterns are the whole rule for "not blank"
 *       ({@code first_name}), "an absolute http(s) URL with a host" ({@code image_url}) and E.164;</li>
 *   <li>{@link WellFormedUnicode} on every text field, added to the
 *       generated models' fields with Hibernate Validator's programmatic mapping: the one rule no
 *       schema can state (JSON can carry an unpaired surrogate as an escape).</li>
 * </ul>
 * One validation pass thus sees every broken rule of a request, and {@link ViolationTranslator}
 * picks the lowest code among them. In an update, {@code last_name} and {@code image_url} are
 * {@code JsonNullable}: the constraints apply to the value inside, so an absent field or an
 * explicit {@code null} (which clears it) is never checked.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    ValidationConfigurationCustomizer contactCardConstraints() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(Size.class)
                        .includeExistingValidators(true)
                        .validatedBy(CodePointSizeValidator.class);
                mapping.constraintDefinition(Pattern.class)
                        .includeExistingValidators(false)
                        .validatedBy(SpecPatternValidator.class);
                mapping.type(CreateContactCardRequest.class)
                        .getter("firstName")
                        .constraint(wellFormed())
                        .getter("lastName")
                        .constraint(wellFormed())
                        .getter("imageUrl")
                        .constraint(wellFormed());
                mapping.type(UpdateContactCardRequest.class)
                        .getter("firstName")
                        .constraint(wellFormed())
                        .getter("lastName")
                        .containerElementType()
                        .constraint(wellFormed())
                        .getter("imageUrl")
                        .containerElementType()
                        .constraint(wellFormed());
                hibernate.addMapping(mapping);
            }
        };
    }

    private static GenericConstraintDef<WellFormedUnicode> wellFormed() {
        return new GenericConstraintDef<>(WellFormedUnicode.class);
    }
}
