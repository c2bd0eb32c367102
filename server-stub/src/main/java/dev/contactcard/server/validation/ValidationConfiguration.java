package dev.contactcard.server.validation;

import dev.contactcard.server.generated.model.CreateContactCardRequest;
import dev.contactcard.server.generated.model.UpdateContactCardRequest;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean validation as the spec reads it, applied to the validator Spring MVC runs on the generated
 * models: string lengths in characters, not UTF-16 units ({@link CodePointSizeValidator}), and the
 * rules the spec states in words but the generated annotations cannot check, added to the generated
 * models' fields with Hibernate Validator's programmatic mapping (in addition to their annotations):
 * <ul>
 *   <li>{@code first_name}: {@link WellFormedUnicode} and {@link NotBlankInAnyScript};</li>
 *   <li>{@code last_name}: {@link WellFormedUnicode};</li>
 *   <li>{@code image_url}: {@link AbsoluteHttpUrl}.</li>
 * </ul>
 * One validation pass thus sees every broken rule of a request, and {@link ViolationHandler}
 * answers the lowest code among them. In an update, {@code last_name} and {@code image_url} are
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
                mapping.type(CreateContactCardRequest.class)
                        .getter("firstName")
                        .constraint(wellFormed())
                        .constraint(notBlank())
                        .getter("lastName")
                        .constraint(wellFormed())
                        .getter("imageUrl")
                        .constraint(absoluteHttpUrl());
                mapping.type(UpdateContactCardRequest.class)
                        .getter("firstName")
                        .constraint(wellFormed())
                        .constraint(notBlank())
                        .getter("lastName")
                        .containerElementType()
                        .constraint(wellFormed())
                        .getter("imageUrl")
                        .containerElementType()
                        .constraint(absoluteHttpUrl());
                hibernate.addMapping(mapping);
            }
        };
    }

    private static GenericConstraintDef<WellFormedUnicode> wellFormed() {
        return new GenericConstraintDef<>(WellFormedUnicode.class);
    }

    private static GenericConstraintDef<NotBlankInAnyScript> notBlank() {
        return new GenericConstraintDef<>(NotBlankInAnyScript.class);
    }

    private static GenericConstraintDef<AbsoluteHttpUrl> absoluteHttpUrl() {
        return new GenericConstraintDef<>(AbsoluteHttpUrl.class);
    }
}
