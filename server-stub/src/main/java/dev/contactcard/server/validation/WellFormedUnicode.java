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
 * The text is well-formed Unicode: no unpaired surrogate. JSON can carry one as an escape
 * ({@code "\ud800"}), which no UTF-8 store or client can represent; the spec calls such a body
 * malformed. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = WellFormedUnicodeValidator.class)
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@interface WellFormedUnicode {

    String message() default "must be valid Unicode text (without an unpaired surrogate)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
