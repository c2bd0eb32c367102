package dev.contactcard.server.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NotBlankInAnyScript} on a {@link String}. */
class NotBlankInAnyScriptValidator implements ConstraintValidator<NotBlankInAnyScript, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || !value.codePoints().allMatch(UnicodeText::isInvisible);
    }
}
