package dev.contactcard.server.validation;

/** What the constraints of this package need to know about Unicode text. */
final class UnicodeText {

    private UnicodeText() {}

    /** A space of any script, a control or a format character (zero-width space, BOM, ...). */
    static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    /** Whether the text holds a surrogate that is not half of a pair. */
    static boolean hasUnpairedSurrogate(String text) {
        return text.codePoints().anyMatch(UnicodeText::isSurrogate);
    }

    /** A code point in the surrogate range: {@link String#codePoints()} yields one only when it is unpaired. */
    static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }
}
