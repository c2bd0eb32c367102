package dev.contactcard.server.error;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads a raw query string as strictly as Tomcat does: percent-encoded UTF-8. */
final class QueryStrings {

    private QueryStrings() {}

    /** Whether a parameter of that name has a value that is not valid percent-encoded UTF-8. */
    static boolean hasUndecodableValue(String rawQuery, String name) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq >= 0 && name.equals(decode(pair.substring(0, eq))) && decode(pair.substring(eq + 1)) == null) {
                return true;
            }
        }
        return false;
    }

    /** The decoded text, or {@code null} when it has a bad escape or is not UTF-8. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                bytes.write(c == '+' ? ' ' : c);
                i++;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException ex) {
            return null;
        }
    }
}
