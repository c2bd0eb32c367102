package dev.contactcard.contract.verifier;

import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of E.164 numbers of one length, such as the sandbox's failing test numbers {@code
 * +15005550000-+15005550099}; a single number is a range of one.
 */
public record NumberRange(long first, long last, int digits) {

    private static final Pattern RANGE =
            Pattern.compile("\\+([1-9][0-9]{1,14})(?:\\s*(?:-|\\.\\.)\\s*\\+([1-9][0-9]{1,14}))?");

    public NumberRange {
        if (first > last) {
            throw new IllegalArgumentException("The range's first number is after its last");
        }
    }

    /**
     * Reads {@code +<digits>} or {@code +<digits>-+<digits>} (both of the same length).
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static NumberRange parse(String text) {
        Matcher matcher = RANGE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Expected an E.164 number or a range such as " + "+15005550000-+15005550099, not '" + text + "'");
        }
        String first = matcher.group(1);
        String last = matcher.group(2) == null ? first : matcher.group(2);
        if (first.length() != last.length()) {
            throw new IllegalArgumentException(
                    "Both ends of the range " + text + " must have the same number of digits");
        }
        return new NumberRange(Long.parseLong(first), Long.parseLong(last), first.length());
    }

    public boolean contains(String phoneNumber) {
        if (phoneNumber == null || !phoneNumber.startsWith("+") || phoneNumber.length() != digits + 1) {
            return false;
        }
        try {
            long number = Long.parseLong(phoneNumber.substring(1));
            return number >= first && number <= last;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** A number of the range, chosen by {@code random}. */
    public String pick(RandomGenerator random) {
        return format(first + random.nextLong(last - first + 1));
    }

    public String firstNumber() {
        return format(first);
    }

    private String format(long number) {
        return "+" + number;
    }

    @Override
    public String toString() {
        return first == last ? format(first) : format(first) + "-" + format(last);
    }
}
