package dev.contactcard.server.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link WellFormedUnicode} on a {@link String}. */
class WellFormedUnicodeValidator implements ConstraintValidator<WellFormedUnicode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || value.codePoints().noneMatch(WellFormedUnicodeValidator::isSurrogate);
    }

    /** {@link String#codePoints()} yields a surrogate code point only when it is not half of a pair. */
    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }
}
