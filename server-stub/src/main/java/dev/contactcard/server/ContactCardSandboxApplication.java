package dev.contactcard.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The reference provider of the Contact Card API, run locally as the sandbox:
 * {@code ./mvnw -B -T1 -pl server-stub -am spring-boot:run}. Tests start it with
 * {@code @SpringBootTest(classes = ContactCardSandboxApplication.class, webEnvironment = RANDOM_PORT,
 * properties = "contactcard.storage.mode=memory")}.
 */
@SpringBootApplication
@EnableConfigurationProperties(ContactCardProperties.class)
public class ContactCardSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContactCardSandboxApplication.class, args);
    }
}
