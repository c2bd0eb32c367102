package dev.contactcard.server.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link AbsoluteHttpUrl} on a {@link String}. */
class AbsoluteHttpUrlValidator implements ConstraintValidator<AbsoluteHttpUrl, String> {

    private static final int MAX_PORT = 65_535;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isAbsoluteHttpUrl(value);
    }

    private static boolean isAbsoluteHttpUrl(String value) {
        int schemeEnd = value.indexOf("://");
        if (schemeEnd < 0) {
            return false;
        }
        String scheme = value.substring(0, schemeEnd);
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            return false;
        }
        if (value.codePoints().anyMatch(cp -> UnicodeText.isInvisible(cp) || UnicodeText.isSurrogate(cp))) {
            return false;
        }
        String rest = value.substring(schemeEnd + 3);
        String authority = rest.substring(0, firstIndexOfAny(rest, "/?#"));
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
}
