package dev.contactcard.server.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The text has a visible character: it is not made only of spaces of any script (no-break,
 * ideographic, ...), control characters or format characters (zero-width space, BOM, ...). The
 * spec's pattern {@code ^.*\S.*$} means this (ECMA-262's {@code \s} covers every Unicode space);
 * the generated {@code @Pattern} runs it with Java's ASCII-only {@code \s}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NotBlankInAnyScriptValidator.class)
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@interface NotBlankInAnyScript {

    String message() default "must not be blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
