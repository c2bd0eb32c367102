package dev.contactcard.contract.verifier;

import java.util.random.RandomGenerator;

/**
 * Phone numbers reserved for fiction, so that the verifier never sets up a card for a number a
 * real person may hold: in North America {@code +1 NXX 555 0100} to {@code 0199} (any area code),
 * in the United Kingdom Ofcom's drama range {@code +44 7700 900000} to {@code 900999}.
 */
public final class FictionalNumbers {

    private FictionalNumbers() {}

    /**
     * A fictional number of the country calling code, chosen by {@code random}.
     *
     * @throws IllegalArgumentException for a country calling code without a known fictional range
     */
    public static String pick(String countryCallingCode, RandomGenerator random) {
        return switch (countryCallingCode) {
            case "1" -> "+1" + (200 + random.nextInt(800)) + "55501" + twoDigits(random.nextInt(100));
            case "44" -> "+447700900" + threeDigits(random.nextInt(1000));
            default ->
                throw new IllegalArgumentException(
                        "No range of fictional numbers is known for +" + countryCallingCode + " (known: +1, +44)");
        };
    }

    private static String twoDigits(int value) {
        return String.format("%02d", value);
    }

    private static String threeDigits(int value) {
        return String.format("%03d", value);
    }
}
