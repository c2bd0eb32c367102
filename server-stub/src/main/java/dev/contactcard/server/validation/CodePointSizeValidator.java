package dev.contactcard.server.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on a {@link String}, counted the way the spec counts: JSON Schema's
 * {@code minLength} / {@code maxLength} count characters (Unicode code points), while Hibernate
 * Validator's built-in check counts UTF-16 units, so it would refuse a 100-character first name
 * that holds an emoji. Registered for {@code String} only; every other type keeps the built-in
 * validators.
 */
class CodePointSizeValidator implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        this.min = size.min();
        this.max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = value.codePointCount(0, value.length());
        return length >= min && length <= max;
    }
}
