package dev.contactcard.server.auth;

import dev.contactcard.server.ContactCardProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API keys, parsed once at startup from {@code contactcard.api-keys} (a bad entry stops the start). */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {

    @Bean
    ApiKeyRegistry apiKeyRegistry(ContactCardProperties properties) {
        return ApiKeyRegistry.parse(properties.apiKeys());
    }
}
