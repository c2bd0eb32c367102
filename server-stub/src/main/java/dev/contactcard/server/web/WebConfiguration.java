package dev.contactcard.server.web;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.server.auth.ApiKeyFilter;
import dev.contactcard.server.auth.ApiKeyRegistry;
import dev.contactcard.server.auth.PermissionInterceptor;
import dev.contactcard.server.error.EnvelopeErrorReportValve;
import dev.contactcard.server.error.ErrorResponses;
import dev.contactcard.server.error.JsonOnlyAcceptFilter;
import dev.contactcard.server.error.RequestBodyLimitFilter;
import dev.contactcard.server.generated.api.ContactCardApi;
import jakarta.servlet.Filter;
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
 * ({@code /api/partner}, as the spec's servers), the filters of every request under it, the
 * read-only key check, and Tomcat's own error answers in the envelope. Everything else
 * ({@code /openapi.yaml}, {@code /docs}, {@code /actuator/health}, unknown root paths) stays at the
 * root, unauthenticated.
 *
 * <p>The order of the checks under the base path: the API key ({@link ApiKeyFilter}, 401) before
 * anything else; then Spring MVC's routing (404, 405, 415); then the read-only key check
 * ({@link PermissionInterceptor}, 403); then the body (the limit and encoding of
 * {@link RequestBodyLimitFilter}, 413 / 415, and validation, 400). Only what Tomcat's HTTP parser
 * refuses before there is a request to authenticate (the request line, header syntax and size,
 * {@code Content-Length} / {@code Transfer-Encoding}) comes earlier: 400 / 1001 on every path,
 * with or without a key.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final ContactCardProperties properties;

    public WebConfiguration(ContactCardProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(properties.basePath(), HandlerTypePredicate.forAssignableType(ContactCardApi.class));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionInterceptor());
    }

    /** First under the base path (the pattern covers the base path itself too): no key, no answer but 401. */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyRegistry apiKeys, ErrorResponses errors) {
        return apiFilter(new ApiKeyFilter(apiKeys, errors), 10);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter() {
        return apiFilter(new RequestBodyLimitFilter(), 11);
    }

    @Bean
    FilterRegistrationBean<JsonOnlyAcceptFilter> jsonOnlyAcceptFilter() {
        return apiFilter(new JsonOnlyAcceptFilter(), 12);
    }

    private <F extends Filter> FilterRegistrationBean<F> apiFilter(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(properties.basePath() + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + order);
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
