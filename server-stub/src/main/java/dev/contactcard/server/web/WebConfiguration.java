package dev.contactcard.server.web;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.auth.ApiKeyInterceptor;
import dev.contactcard.server.auth.ApiKeyRegistry;
import dev.contactcard.server.error.JsonOnlyAcceptFilter;
import dev.contactcard.server.error.RequestBodyLimitFilter;
import dev.contactcard.server.generated.api.ContactCardApi;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the API into Spring MVC: the operations of {@link ContactCardApi} under the base path
 * ({@code /api/partner}, as the spec's servers), API-key authentication for them, and the request
 * body limit. Everything else ({@code /openapi.yaml}, {@code /docs}, {@code /actuator/health})
 * stays at the root, unauthenticated.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final ContactCardProperties properties;
    private final ApiKeyRegistry apiKeys;

    public WebConfiguration(ContactCardProperties properties, ApiKeyRegistry apiKeys) {
        this.properties = properties;
        this.apiKeys = apiKeys;
    }

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(properties.basePath(), HandlerTypePredicate.forAssignableType(ContactCardApi.class));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiKeyInterceptor(apiKeys));
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ContactCardProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter());
        registration.addUrlPatterns(properties.basePath() + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonOnlyAcceptFilter> jsonOnlyAcceptFilter(ContactCardProperties properties) {
        FilterRegistrationBean<JsonOnlyAcceptFilter> registration =
                new FilterRegistrationBean<>(new JsonOnlyAcceptFilter());
        registration.addUrlPatterns(properties.basePath() + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }
}
