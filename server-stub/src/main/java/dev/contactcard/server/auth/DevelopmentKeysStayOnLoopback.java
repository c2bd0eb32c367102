package dev.contactcard.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the sandbox on an address other machines can reach while a publicly documented
 * development key ({@value SandboxKeys#READ_WRITE}, {@value SandboxKeys#READ_ONLY}) is configured:
 * anyone who can reach the port could read and change the cards. The sandbox binds
 * {@code 127.0.0.1} by default ({@code server.address}, environment variable {@code BIND_ADDRESS});
 * no address at all (or {@code 0.0.0.0}, {@code ::}) means every interface. Checked as soon as the
 * configuration is read ({@link ApplicationEnvironmentPreparedEvent}, registered in
 * {@code META-INF/spring.factories}): before the application context, the database or Tomcat exist.
 */
final class DevelopmentKeysStayOnLoopback implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** Instantiated by Spring Boot from {@code META-INF/spring.factories}. */
    DevelopmentKeysStayOnLoopback() {}

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String keys = environment.getProperty("contactcard.api-keys");
        if (keys != null) {
            check(environment.getProperty("server.address"), ApiKeyRegistry.parse(keys));
        }
    }

    /**
     * @param bindAddress the value of {@code server.address}; {@code null} or blank is every interface
     * @throws IllegalStateException when the address is not loopback and a development key works
     */
    static void check(String bindAddress, ApiKeyRegistry keys) {
        if (isLoopback(bindAddress)) {
            return;
        }
        boolean developmentKey = keys.authenticate(SandboxKeys.READ_WRITE).isPresent()
                || keys.authenticate(SandboxKeys.READ_ONLY).isPresent();
        if (developmentKey) {
            String where = bindAddress == null || bindAddress.isBlank() ? "every interface" : bindAddress;
            throw new IllegalStateException("Refusing to listen on " + where
                    + " (not a loopback address) with the public development keys " + SandboxKeys.READ_WRITE
                    + " / " + SandboxKeys.READ_ONLY + ": anyone who can reach this address could use them. "
                    + "Set your own keys, e.g. CONTACT_CARD_API_KEYS='<secret key>:<partner>:read-write,"
                    + "<another secret key>:<partner>:read-only' (generate keys with `openssl rand -hex 32`), "
                    + "or listen on loopback only with BIND_ADDRESS=127.0.0.1 (the default).");
        }
    }

    private static boolean isLoopback(String bindAddress) {
        if (bindAddress == null || bindAddress.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(bindAddress.trim()).isLoopbackAddress();
        } catch (UnknownHostException ex) {
            // Tomcat will fail to bind it anyway; say why here rather than pass it as loopback.
            throw new IllegalStateException("server.address (BIND_ADDRESS) is not a known address: " + bindAddress, ex);
        }
    }
}
