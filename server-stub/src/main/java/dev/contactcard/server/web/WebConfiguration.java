package dev.contactcard.server.web;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.generated.api.ContactCardApi;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the API into Spring MVC: the operations of {@link ContactCardApi} under the base path
 * ({@code /api/partner}, as the spec's servers), JSON answers whatever the {@code Accept} header
 * says, and the body limit of every request under the base path. Everything else
 * ({@code /openapi.yaml}, {@code /docs}, {@code /actuator/health}, unknown root paths) stays at the
 * root, unauthenticated. The order of all checks is described in {@code server-stub/README.md}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** After the API key filter of {@code auth} (which runs at {@code HIGHEST_PRECEDENCE + 10}). */
    static final int BODY_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 11;

    private final ContactCardProperties properties;

    WebConfiguration(ContactCardProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(properties.basePath(), HandlerTypePredicate.forAssignableType(ContactCardApi.class));
    }

    /**
     * The API answers JSON only and the spec defines no 406: the {@code Accept} header is not
     * negotiated, so an unusual one never turns a valid request into an undocumented error. Answers
     * that set their own type ({@code /openapi.yaml}, {@code /docs}) keep it.
     */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
    }

    /** Connections whose request was answered before its body arrived are closed, not drained. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> closeConnectionsWithUnreadBodies() {
        return factory -> factory.addContextValves(new UnreadBodyValve());
    }

    @Bean
    FilterRegistrationBean<ActuatorErrorEnvelopeFilter> actuatorErrorEnvelopeFilter() {
        FilterRegistrationBean<ActuatorErrorEnvelopeFilter> registration =
                new FilterRegistrationBean<>(new ActuatorErrorEnvelopeFilter());
        registration.addUrlPatterns("/actuator/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter() {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.limits().bodyTimeout(), System::nanoTime));
        registration.addUrlPatterns(properties.basePath() + "/*");
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }
}
