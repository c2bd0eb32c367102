package dev.contactcard.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contactcard.server.support.ReferenceProvider;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The sandbox listens on loopback unless told otherwise, and never serves the public development
 * keys on an address other machines can reach.
 */
class DevelopmentKeysStayOnLoopbackTest {

    private static final ApiKeyRegistry DEVELOPMENT_KEYS = ApiKeyRegistry.parse(SandboxKeys.DEFAULT_CONFIGURATION);
    private static final ApiKeyRegistry OWN_KEYS = ApiKeyRegistry.parse("0f3c9a7e:acme:read-write");

    @Test
    void theDevelopmentKeysAreServedOnLoopback() {
        assertThatCode(() -> DevelopmentKeysStayOnLoopback.check("127.0.0.1", DEVELOPMENT_KEYS))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentKeysStayOnLoopback.check("::1", DEVELOPMENT_KEYS))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentKeysStayOnLoopback.check("localhost", DEVELOPMENT_KEYS))
                .doesNotThrowAnyException();
    }

    @Test
    void everyInterfaceWithTheDevelopmentKeysIsRefusedWithHowToSetRealKeys() {
        for (String everyInterface : new String[] {"0.0.0.0", "::", "", null}) {
            assertThatThrownBy(() -> DevelopmentKeysStayOnLoopback.check(everyInterface, DEVELOPMENT_KEYS))
                    .as("server.address=%s", everyInterface)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("development keys")
                    .hasMessageContaining("CONTACT_CARD_API_KEYS='<secret key>:<partner>:read-write")
                    .hasMessageContaining("BIND_ADDRESS=127.0.0.1");
        }
    }

    @Test
    void oneDevelopmentKeyAmongOwnKeysIsRefusedToo() {
        ApiKeyRegistry mixed =
                ApiKeyRegistry.parse("0f3c9a7e:acme:read-write," + SandboxKeys.READ_ONLY + ":acme:read-only");

        assertThatThrownBy(() -> DevelopmentKeysStayOnLoopback.check("0.0.0.0", mixed))
                .hasMessageContaining("development keys");
    }

    @Test
    void ownKeysMayBeServedOnEveryInterface() {
        assertThatCode(() -> DevelopmentKeysStayOnLoopback.check("0.0.0.0", OWN_KEYS))
                .doesNotThrowAnyException();
    }

    @Test
    void theSandboxRefusesToStartOnEveryInterfaceWithTheDevelopmentKeysBeforeItsContextExists() {
        AtomicBoolean contextCreated = new AtomicBoolean();

        assertThatThrownBy(() -> ReferenceProvider.onLoopback()
                        .with("server.address", "0.0.0.0")
                        // The refusal is the expected outcome: Spring's report of the failed start
                        // (a stack trace for operators) would only be noise in the build.
                        .with("logging.level.org.springframework.boot.SpringApplication", "off")
                        .with("logging.level.org.springframework.boot.web.server.servlet.context", "off")
                        .with("logging.level.org.springframework.boot.tomcat", "off")
                        .customized(application ->
                                application.addListeners((ApplicationListener<ApplicationContextInitializedEvent>)
                                        event -> contextCreated.set(true)))
                        .start()
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to listen on 0.0.0.0")
                .hasMessageContaining("CONTACT_CARD_API_KEYS");
        assertThat(contextCreated).as("an application context was created").isFalse();
    }

    @Test
    void theSandboxStartsOnEveryInterfaceWithOwnKeysAsFarAsTheCheckIsConcerned() {
        AtomicBoolean contextCreated = new AtomicBoolean();

        // The context is created (the check passed) and the start is then stopped by the listener.
        assertThatThrownBy(() -> ReferenceProvider.onLoopback()
                        .with("server.address", "0.0.0.0")
                        .keys("0f3c9a7e:acme:read-write")
                        // The stopped start is the expected outcome: no report of it.
                        .with("logging.level.org.springframework.boot.SpringApplication", "off")
                        .customized(application -> application.addListeners(
                                (ApplicationListener<ApplicationContextInitializedEvent>) event -> {
                                    contextCreated.set(true);
                                    throw new IllegalArgumentException("stop here");
                                }))
                        .start()
                        .close())
                .hasMessage("stop here");
        assertThat(contextCreated).isTrue();
    }
}
