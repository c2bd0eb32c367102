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
 * The text is an absolute {@code http} or {@code https} URL (scheme in any case) with a non-empty
 * host (after any userinfo; an IPv6 literal in closed brackets) and, when given, a port from 1 to
 * 65535, holding no space of any script, control, format character or unpaired surrogate. The
 * spec's description of {@code image_url}; its pattern {@code ^[Hh][Tt][Tt][Pp][Ss]?://\S+$}
 * says less. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = AbsoluteHttpUrlValidator.class)
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@interface AbsoluteHttpUrl {

    String message() default "must be an absolute http or https URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
