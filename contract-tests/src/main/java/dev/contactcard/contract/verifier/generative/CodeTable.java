package dev.contactcard.contract.verifier.generative;

/**
 * The spec's error-code table (its {@code info.description}), read as rules of JSON Schema: which
 * code answers a request that breaks one schema keyword. This is the table, not a list of expected
 * answers: which inputs break which keyword is the spec's validator's call ({@link SpecOracle}).
 * {@code CodeTableTest} checks that each code used here is a 400 row of the spec's table.
 *
 * <ul>
 *   <li>1001: "a field has the wrong JSON type";</li>
 *   <li>1002: "Phone number must be in E.164 format": the pattern of {@code phone_number};</li>
 *   <li>1003: "a required field is missing or blank, or a field is {@code null} where its schema
 *       does not allow it": {@code required}, a missing required query parameter, {@code null}
 *       where the type has no null, {@code minLength} (an empty string is blank), and the pattern
 *       of {@code first_name} (its "not blank");</li>
 *   <li>1004: "a field is longer than its documented maximum length": {@code maxLength};</li>
 *   <li>1005: "{@code image_url} is not an absolute http(s) URL with a host": its pattern.</li>
 * </ul>
 */
final class CodeTable {

    static final int MALFORMED = 1001;
    static final int PHONE_NUMBER = 1002;
    static final int REQUIRED_OR_BLANK = 1003;
    static final int TOO_LONG = 1004;
    static final int IMAGE_URL = 1005;

    private CodeTable() {}

    /**
     * The code of a broken rule.
     *
     * @param key the validator's message key, e.g. {@code validation.request.body.schema.maxLength}
     * @param rule the schema keyword broken, or {@code null} for a null where none is allowed
     * @param field the JSON name of the field or query parameter
     * @throws AssertionError for a rule the table does not cover: the suite cannot judge it
     */
    static int codeFor(String key, String rule, String field) {
        return switch (rule) {
            case "type" -> MALFORMED;
            case "null", "required", "missing", "minLength" -> REQUIRED_OR_BLANK;
            case "maxLength" -> TOO_LONG;
            case "pattern" ->
                switch (field) {
                    case "phone_number" -> PHONE_NUMBER;
                    case "first_name" -> REQUIRED_OR_BLANK;
                    case "image_url" -> IMAGE_URL;
                    default -> throw new AssertionError("The code table gives no code for the pattern of " + field);
                };
            default ->
                throw new AssertionError("The code table gives no code for " + key + " on " + field
                        + ": extend CodeTable with the row of the spec's table for it");
        };
    }
}
