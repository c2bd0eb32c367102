/**
 * Every rule of a request body, query or header, and the code each broken rule is answered with (1001 to
 * 1005 of the spec's table), in one place:
 *
 * <ul>
 *   <li>{@code ValidationConfiguration} makes the generated {@code @Pattern} and {@code @Size} read
 *       the spec's way (a pattern matches anywhere, as in JSON Schema: {@code SpecPatternValidator};
 *       lengths in code points: {@code CodePointSizeValidator}) and adds, with Hibernate
 *       Validator's programmatic mapping (without editing generated code), the one rule no schema
 *       can state: text is well-formed Unicode ({@code @WellFormedUnicode}). Every other rule is
 *       the spec's own pattern, so the schema and the provider cannot disagree on it;
 *   <li>{@code ViolationTranslator} classifies every failed constraint of a request by its annotation
 *       type and field, and the lowest code among them is answered (by {@code error.ErrorBoundary}).
 * </ul>
 *
 * <p>Each constraint accepts {@code null}: whether a field may be absent or null is the generated
 * model's rule. How JSON itself is read (types, duplicate keys, explicit nulls) is
 * {@code web.JacksonConfiguration}.
 */
package dev.contactcard.server.validation;
