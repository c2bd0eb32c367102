package dev.contactcard.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Finds the Contact Card spec in this jar, for every JVM module that reads it (the sandbox serves
 * it, the tests validate against it). Its location is the parent POM's
 * {@code contactcard.spec.resource}, filtered into this jar at build time, so it is written down
 * once; tools outside the JVM take the {@code openapi} YAML artifact instead.
 */
public final class ContactCardSpec {

    /** The classpath location of the spec, for example {@code openapi/contact-card.yaml}. */
    public static final String RESOURCE = location();

    private ContactCardSpec() {}

    /** The spec's URL on the classpath. */
    public static URL url() {
        URL url = ContactCardSpec.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("The spec is not on the classpath at " + RESOURCE);
        }
        return url;
    }

    /** The spec's bytes, as released. */
    public static byte[] bytes() {
        try (InputStream in = url().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the spec at " + RESOURCE, e);
        }
    }

    /** The spec's text (UTF-8). */
    public static String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    private static String location() {
        Properties properties = new Properties();
        try (InputStream in = ContactCardSpec.class.getResourceAsStream("contact-card-spec.properties")) {
            if (in == null) {
                throw new IllegalStateException("contact-card-spec.properties is missing from the spec jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("resource");
    }
}
