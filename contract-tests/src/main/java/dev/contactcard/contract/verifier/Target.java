package dev.contactcard.contract.verifier;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider under verification and what the verifier may use of it: its base URL (the spec's
 * server URL, such as {@code https://api.linqapp.com/api/partner}) and the API keys that put it
 * in each provider state. Only {@code key} is required; a missing optional key leaves the states
 * that need it unverified (see {@code ProviderStates}).
 *
 * @param baseUrl the API's base URL; the operations are under {@code <baseUrl>/v3/contact_card}
 * @param key a read-write key of the partner the verifier works as
 * @param readOnlyKey a read-only key of the same partner, or {@code null}
 * @param otherPartnerKey a read-write key of another partner, or {@code null}
 * @param emptyPartnerKey any key of a partner that holds no card and never will (a read-only key of
 *     a partner nobody writes to), or {@code null}
 * @param listingPartnerKey a read-write key of a partner kept for the verifier's listing
 *     interaction: it holds no card but the ones the verifier keeps at fixed numbers, or {@code null}
 * @param failingNumbers the numbers whose apply step fails, or {@code null} when the provider has none
 */
public record Target(
        URI baseUrl,
        String key,
        String readOnlyKey,
        String otherPartnerKey,
        String emptyPartnerKey,
        String listingPartnerKey,
        NumberRange failingNumbers) {

    public Target {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(key, "key");
        String scheme = baseUrl.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("The base URL must be an absolute http(s) URL, not " + baseUrl);
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException("The API key must not be blank");
        }
        baseUrl = withoutTrailingSlash(baseUrl);
        readOnlyKey = blankToNull(readOnlyKey);
        otherPartnerKey = blankToNull(otherPartnerKey);
        emptyPartnerKey = blankToNull(emptyPartnerKey);
        listingPartnerKey = blankToNull(listingPartnerKey);
    }

    /** A target with only the required settings. */
    public static Target of(URI baseUrl, String key) {
        return new Target(baseUrl, key, null, null, null, null, null);
    }

    public Target withReadOnlyKey(String value) {
        return new Target(baseUrl, key, value, otherPartnerKey, emptyPartnerKey, listingPartnerKey, failingNumbers);
    }

    public Target withOtherPartnerKey(String value) {
        return new Target(baseUrl, key, readOnlyKey, value, emptyPartnerKey, listingPartnerKey, failingNumbers);
    }

    public Target withEmptyPartnerKey(String value) {
        return new Target(baseUrl, key, readOnlyKey, otherPartnerKey, value, listingPartnerKey, failingNumbers);
    }

    public Target withListingPartnerKey(String value) {
        return new Target(baseUrl, key, readOnlyKey, otherPartnerKey, emptyPartnerKey, value, failingNumbers);
    }

    public Target withFailingNumbers(NumberRange value) {
        return new Target(baseUrl, key, readOnlyKey, otherPartnerKey, emptyPartnerKey, listingPartnerKey, value);
    }

    public Optional<String> readOnly() {
        return Optional.ofNullable(readOnlyKey);
    }

    public Optional<String> otherPartner() {
        return Optional.ofNullable(otherPartnerKey);
    }

    public Optional<String> emptyPartner() {
        return Optional.ofNullable(emptyPartnerKey);
    }

    public Optional<String> listingPartner() {
        return Optional.ofNullable(listingPartnerKey);
    }

    public Optional<NumberRange> failing() {
        return Optional.ofNullable(failingNumbers);
    }

    /** The path of the base URL ({@code /api/partner}, or empty at the root). */
    public String basePath() {
        String path = baseUrl.getRawPath();
        return path == null ? "" : path;
    }

    /** Keys are secrets: never printed. */
    @Override
    public String toString() {
        return "Target[" + baseUrl + ", read-only key " + given(readOnlyKey) + ", other partner's key "
                + given(otherPartnerKey) + ", empty partner's key " + given(emptyPartnerKey)
                + ", listing partner's key " + given(listingPartnerKey) + ", failing numbers "
                + (failingNumbers == null ? "none" : failingNumbers) + "]";
    }

    private static String given(String key) {
        return key == null ? "not given" : "given";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }
}
