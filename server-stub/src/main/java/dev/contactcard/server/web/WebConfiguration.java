package dev.contactcard.server.web;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.auth.ApiKeyInterceptor;
import dev.contactcard.server.auth.ApiKeyRegistry;
import dev.contactcard.server.error.EnvelopeErrorReportValve;
import dev.contactcard.server.error.JsonOnlyAcceptFilter;
import dev.contactcard.server.error.RequestBodyLimitFilter;
import dev.contactcard.server.generated.api.ContactCardApi;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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
 * ({@code /api/partner}, as the spec's servers), API-key authentication for them, the request
 * body limit, and Tomcat's own error answers in the envelope. Everything else ({@code /openapi.yaml}, {@code /docs}, {@code /actuator/health})
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

    /**
     * Replaces Tomcat's HTML error report (Spring Boot installs one on the host) with
     * {@link EnvelopeErrorReportValve}, so that requests Tomcat rejects before the application sees
     * them are answered in the envelope too. Runs after Spring Boot's own customizer (lowest order).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReport() {
        return factory -> factory.addContextCustomizers(context -> {
            // The host adds a default HTML valve at start unless it finds one of this class.
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
            }
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new EnvelopeErrorReportValve());
        });
    }
}
