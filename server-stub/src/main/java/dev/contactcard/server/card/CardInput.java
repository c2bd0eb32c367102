package dev.contactcard.server.card;

import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;

/**
 * The checks on a card's text that the generated bean-validation annotations cannot make. The
 * spec's patterns are ECMA-262 regular expressions, whose {@code \s} covers every Unicode space;
 * the generated {@code @Pattern} runs them with Java's ASCII-only {@code \s}, so a first name of
 * no-break spaces and an {@code image_url} with one inside would pass. These checks close that gap
 * and what the descriptions add to the patterns: a name must have a visible character, text must
 * be well-formed Unicode, and {@code image_url} must be an absolute http(s) URL with a host.
 */
final class CardInput {

    private static final int MAX_PORT = 65_535;

    private CardInput() {
    }

    /** First name of a create, or of an update when present: not blank in any script. */
    static void requireVisibleName(String field, String value) {
        if (value == null) {
            return;
        }
        requireWellFormed(field, value);
        if (value.codePoints().allMatch(CardInput::isInvisible)) {
            throw new ApiException(ErrorCode.REQUIRED_FIELD, field + " is required and must not be blank");
        }
    }

    /** Optional text (last name): well-formed Unicode when present. */
    static void requireWellFormed(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ApiException(ErrorCode.MALFORMED_REQUEST,
                        field + " is not valid Unicode text (it holds an unpaired surrogate)");
            }
        }
    }

    /** {@code image_url} when present: an absolute http(s) URL with a host, without spaces or controls. */
    static void requireImageUrl(String value) {
        if (value == null) {
            return;
        }
        if (!isAbsoluteHttpUrl(value)) {
            throw new ApiException(ErrorCode.INVALID_IMAGE_URL, ErrorCode.INVALID_IMAGE_URL.defaultMessage());
        }
    }

    static boolean isAbsoluteHttpUrl(String value) {
        int schemeEnd = value.indexOf("://");
        if (schemeEnd < 0) {
            return false;
        }
        String scheme = value.substring(0, schemeEnd);
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            return false;
        }
        if (value.codePoints().anyMatch(cp -> isInvisible(cp) || cp >= Character.MIN_SURROGATE
                && cp <= Character.MAX_SURROGATE)) {
            return false;
        }
        String rest = value.substring(schemeEnd + 3);
        int authorityEnd = firstIndexOfAny(rest, "/?#");
        String authority = rest.substring(0, authorityEnd);
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        String port;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) {
                return false;
            }
            host = hostAndPort.substring(1, close);
            String afterHost = hostAndPort.substring(close + 1);
            if (!afterHost.isEmpty() && !afterHost.startsWith(":")) {
                return false;
            }
            port = afterHost.isEmpty() ? "" : afterHost.substring(1);
        } else {
            int colon = hostAndPort.indexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
            port = colon < 0 ? "" : hostAndPort.substring(colon + 1);
        }
        return !host.isEmpty() && isPort(port);
    }

    private static boolean isPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int number = Integer.parseInt(port);
        return number >= 1 && number <= MAX_PORT;
    }

    private static int firstIndexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** A space of any script, a control or a format character (zero-width space, BOM, ...). */
    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }
}
