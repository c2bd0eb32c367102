package dev.contactcard.server.support;

import dev.contactcard.server.ContactCardSandboxApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reference provider started in the test's JVM: the one way tests start it ({@link ApiTest}
 * shares one so started; {@link SandboxProcess} starts the executable jar as a process). Unless
 * told otherwise: on loopback, a random port, memory storage,
 * the development keys, and checking each of its own answers against the spec.
 *
 * <pre>{@code
 * try (ConfigurableApplicationContext provider = ReferenceProvider.onLoopback()
 *         .keys("k1:acme:read-write")
 *         .start()) {
 *     int port = ReferenceProvider.port(provider);
 * }
 * }</pre>
 *
 * <p>Settings go in as command-line arguments, not default properties: they must win over the
 * sandbox's {@code application.properties} (port 8080, file storage) and over the environment.
 */
public final class ReferenceProvider {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<Class<?>> sources = new ArrayList<>();
    private final List<Consumer<SpringApplication>> customizations = new ArrayList<>();

    private ReferenceProvider() {
        settings.put("server.address", "127.0.0.1");
        settings.put("server.port", "0");
        settings.put("contactcard.storage.mode", "memory");
        settings.put("contactcard.validate-responses", "true");
        settings.put("spring.main.banner-mode", "off");
    }

    /** A provider on loopback, a random port, memory storage, the development keys. */
    public static ReferenceProvider onLoopback() {
        return new ReferenceProvider();
    }

    /** Sets one property ({@code contactcard.limits.max-in-flight-per-key}, a log level, ...). */
    public ReferenceProvider with(String property, Object value) {
        settings.put(property, String.valueOf(value));
        return this;
    }

    /** Its API keys, in the {@code CONTACT_CARD_API_KEYS} format ({@code key:partner:read-write,...}). */
    public ReferenceProvider keys(String configuration) {
        return with("contactcard.api-keys", configuration);
    }

    /** Durable storage: H2 files in {@code dataDirectory}. */
    public ReferenceProvider fileStorage(Path dataDirectory) {
        return with("contactcard.storage.mode", "file")
                .with("contactcard.storage.data-dir", dataDirectory.toAbsolutePath());
    }

    /** Configuration classes added to the provider's own (test doubles, deliberate drifts). */
    public ReferenceProvider sources(Class<?>... configurations) {
        sources.addAll(List.of(configurations));
        return this;
    }

    /** Anything else about the start: listeners, initializers. */
    public ReferenceProvider customized(Consumer<SpringApplication> customization) {
        customizations.add(customization);
        return this;
    }

    /** The command-line arguments the provider is started with. */
    public String[] arguments() {
        return settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
    }

    /** Starts it and waits until it listens. */
    public ConfigurableApplicationContext start() {
        SpringApplication application = application();
        return application.run(arguments());
    }

    /** The application as it would start, for a test that starts it itself (on another thread, say). */
    public SpringApplication application() {
        List<Class<?>> all = new ArrayList<>();
        all.add(ContactCardSandboxApplication.class);
        all.addAll(sources);
        SpringApplication application = new SpringApplication(all.toArray(Class<?>[]::new));
        customizations.forEach(customization -> customization.accept(application));
        return application;
    }

    /** The port a started provider listens on. */
    public static int port(ConfigurableApplicationContext provider) {
        return ((WebServerApplicationContext) provider).getWebServer().getPort();
    }
}
