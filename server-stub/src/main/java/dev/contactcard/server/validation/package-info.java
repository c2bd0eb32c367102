/**
 * The request rules the spec states in words but the generated bean-validation annotations
 * cannot check: custom constraints, registered on the generated models' fields by
 * {@code ValidationConfiguration} (Hibernate Validator's programmatic constraint mapping), so they
 * run in the same validation pass as the generated {@code @NotNull}, {@code @Pattern} and
 * {@code @Size}, and {@code ApiExceptionHandler} classifies every failure of a request into the
 * spec's codes in one place (the lowest code wins). Each constraint accepts {@code null}: whether a
 * field may be absent or null is the generated model's rule.
 */
package dev.contactcard.server.validation;
