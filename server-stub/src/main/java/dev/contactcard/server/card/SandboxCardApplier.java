package dev.contactcard.server.card;

import java.util.regex.Pattern;

/**
 * The sandbox's apply step: succeeds for every number except the documented test numbers
 * {@value #FIRST_FAILING_NUMBER} to {@value #LAST_FAILING_NUMBER}, for which it fails (the way
 * payment sandboxes document test cards), so consumers can exercise both outcomes of a create.
 */
public class SandboxCardApplier implements CardApplier {

    /** The first test number whose apply step fails. */
    public static final String FIRST_FAILING_NUMBER = "+15005550000";

    /** The last test number whose apply step fails. */
    public static final String LAST_FAILING_NUMBER = "+15005550099";

    private static final Pattern FAILING = Pattern.compile("\\+150055500\\d\\d");

    /** Whether the sandbox's apply step fails for this number. */
    public static boolean isFailingTestNumber(String phoneNumber) {
        return phoneNumber != null && FAILING.matcher(phoneNumber).matches();
    }

    @Override
    public boolean apply(ContactCardRecord card) {
        return !isFailingTestNumber(card.phoneNumber());
    }
}
