package dev.contactcard.server;

import dev.contactcard.server.auth.ApiKeyRegistry;
import dev.contactcard.server.auth.Caller;
import dev.contactcard.server.auth.SandboxKeys;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Logs where the sandbox listens and which keys work. The development keys are public (the spec
 * documents them) and are logged only when they are the ones in use; keys configured through
 * {@code CONTACT_CARD_API_KEYS} are never logged, only their partners and permissions.
 */
@Component
class StartupLog implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

    private final ContactCardProperties properties;
    private final ApiKeyRegistry apiKeys;

    StartupLog(ContactCardProperties properties, ApiKeyRegistry apiKeys) {
        this.properties = properties;
        this.apiKeys = apiKeys;
    }

    private static String storage(ContactCardProperties.Storage storage) {
        return switch (storage.mode()) {
            case FILE ->
                "H2 files in " + Path.of(storage.dataDir()).toAbsolutePath().normalize();
            case MEMORY -> "in memory";
            case POSTGRES -> "PostgreSQL at " + storage.dbUrlForLogs();
        };
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String root = "http://localhost:" + event.getWebServer().getPort();
        String address = event.getApplicationContext().getEnvironment().getProperty("server.address");
        log.info(
                "Contact Card sandbox ready on {} (BIND_ADDRESS): API {}{}/v3/contact_card, spec {}/openapi.yaml, "
                        + "Swagger UI {}/docs, health {}/actuator/health; storage {}",
                address == null || address.isBlank() ? "every interface" : address,
                root,
                properties.basePath(),
                root,
                root,
                root,
                storage(properties.storage()));
        if (SandboxKeys.DEFAULT_CONFIGURATION.equals(properties.apiKeys())) {
            log.info(
                    "Development keys of partner '{}': {} (read-write), {} (read-only). "
                            + "Set CONTACT_CARD_API_KEYS to use your own.",
                    SandboxKeys.PARTNER,
                    SandboxKeys.READ_WRITE,
                    SandboxKeys.READ_ONLY);
        } else {
            for (Caller caller : apiKeys.callers()) {
                log.info("API key configured for partner '{}' ({})", caller.partnerId(), caller.permission());
            }
        }
    }
}
