/**
 * Every rule of a request body or query, and the code each broken rule is answered with (1001 to
 * 1005 of the spec's table), in one place:
 *
 * <ul>
 *   <li>{@code ValidationConfiguration} adds to the generated models' fields (Hibernate Validator's
 *       programmatic mapping, without editing generated code) the rules the spec states in words but
 *       the generated {@code @NotNull}, {@code @Pattern} and {@code @Size} cannot check: the
 *       constraints of this package ({@code @NotBlankInAnyScript}, {@code @WellFormedUnicode},
 *       {@code @AbsoluteHttpUrl}), and lengths counted in code points
 *       ({@code CodePointSizeValidator});
 *   <li>{@code ViolationHandler} classifies every failed constraint of a request by its annotation
 *       type and field and answers the lowest code among them.
 * </ul>
 *
 * <p>Each constraint accepts {@code null}: whether a field may be absent or null is the generated
 * model's rule. How JSON itself is read (types, duplicate keys, explicit nulls) is
 * {@code web.JacksonConfiguration}.
 */
package dev.contactcard.server.validation;
