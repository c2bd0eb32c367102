package dev.contactcard.server.web;

import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean validation as the spec reads it: string lengths in characters, not UTF-16 units
 * ({@link CodePointSizeValidator}). Applied to the validator Spring MVC runs on the generated
 * models' annotations.
 */
@Configuration(proxyBeanMethods = false)
public class ValidationConfiguration {

    @Bean
    ValidationConfigurationCustomizer codePointStringLengths() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(Size.class)
                        .includeExistingValidators(true)
                        .validatedBy(CodePointSizeValidator.class);
                hibernate.addMapping(mapping);
            }
        };
    }
}
