package dev.contactcard.server.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Pattern;

/**
 * {@code @Pattern} on a {@link String}, judged the way JSON Schema (and so the spec) judges a
 * {@code pattern}: an ECMA-262 regular expression that must match <em>somewhere</em> in the text
 * ({@link java.util.regex.Matcher#find()}), not the whole text as Hibernate Validator's built-in
 * check ({@code matches()}) has it.
 *
 * <p>java.util.regex is not an ECMA-262 engine, but the spec's patterns are written in the subset
 * that ECMA-262, Java and Python read alike: no {@code .}, {@code \s}, {@code \d}, {@code \w} or
 * {@code $} (each means something else in each engine), only explicit {@code \\uXXXX} classes,
 * {@code [\s\S]} for "any character", and {@code (?![\s\S])} for "end of text". Within that subset
 * this validator and a JavaScript engine give the same answer; the generative conformance suite of
 * this module checks it against the JavaScript engine of swagger-request-validator on every run.
 */
class SpecPatternValidator implements ConstraintValidator<Pattern, String> {

    private java.util.regex.Pattern pattern;

    @Override
    public void initialize(Pattern annotation) {
        this.pattern = java.util.regex.Pattern.compile(annotation.regexp());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || pattern.matcher(value).find();
    }
}
