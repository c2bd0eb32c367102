package dev.contactcard.server.auth;

import dev.contactcard.server.ContactCardProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication and permissions of the API: the keys, parsed once at startup from
 * {@code contactcard.api-keys} (a bad entry stops the start); {@link ApiKeyFilter} ahead of every
 * other filter under the base path; and {@link PermissionInterceptor} once Spring MVC has routed
 * the request. The order of all checks is described in {@code server-stub/README.md}.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

    /** The API key is the first thing checked under the base path: before any other filter. */
    static final int API_KEY_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /**
     * The keys. Whether the development keys may be served on {@code server.address} was checked
     * before the context started ({@link DevelopmentKeysStayOnLoopback}).
     */
    @Bean
    ApiKeyRegistry apiKeyRegistry(ContactCardProperties properties) {
        return ApiKeyRegistry.parse(properties.apiKeys());
    }

    /** The pattern covers the base path itself too: no key, no answer but 401. */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ContactCardProperties properties, ApiKeyRegistry apiKeys) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(apiKeys, properties.limits().maxInFlightPerKey()));
        registration.addUrlPatterns(properties.basePath() + "/*");
        registration.setOrder(API_KEY_FILTER_ORDER);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionInterceptor());
    }
}
