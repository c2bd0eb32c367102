package dev.contactcard.contract.verifier;

/** Text as a failure shows it: on one line, every character outside printable ASCII escaped, so an invisible one can be seen. */
final class Escaping {

    /** Longer texts are cut, with the number of characters left out. */
    static final int MAX_LENGTH = 400;

    private Escaping() {}

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            if (codePoint >= 0x20 && codePoint < 0x7F) {
                escaped.appendCodePoint(codePoint);
            } else if (Character.isBmpCodePoint(codePoint)) {
                escaped.append(String.format("\\u%04X", codePoint));
            } else {
                escaped.append(String.format(
                        "\\u%04X\\u%04X",
                        (int) Character.highSurrogate(codePoint), (int) Character.lowSurrogate(codePoint)));
            }
        });
        return cut(escaped.toString());
    }

    static String cut(String text) {
        return text.length() <= MAX_LENGTH
                ? text
                : text.substring(0, MAX_LENGTH) + "... (" + (text.length() - MAX_LENGTH) + " more)";
    }
}
