package dev.contactcard.server.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link WellFormedUnicode} on a {@link String}. */
class WellFormedUnicodeValidator implements ConstraintValidator<WellFormedUnicode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || !UnicodeText.hasUnpairedSurrogate(value);
    }
}
