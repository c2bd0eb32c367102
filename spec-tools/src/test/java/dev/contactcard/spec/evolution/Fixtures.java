package dev.contactcard.spec.evolution;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The small specs under {@code src/test/resources/evolution/}: {@code base.yaml} and its variants. */
final class Fixtures {

    private Fixtures() {}

    static Path base() {
        return fixture("base");
    }

    static Path fixture(String name) {
        URL url = Fixtures.class.getResource("/evolution/" + name + ".yaml");
        if (url == null) {
            throw new IllegalArgumentException("No fixture evolution/" + name + ".yaml on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the gate says about changing {@code base.yaml} into the fixture {@code name}. */
    static CompatibilityReport baseChangedTo(String name) {
        return changed("base", name);
    }

    /** What the gate says about changing the fixture {@code from} into the fixture {@code to}. */
    static CompatibilityReport changed(String from, String to) {
        return SpecCompatibilityGate.compare(fixture(from), fixture(to));
    }
}
