package dev.contactcard.server.error;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The error boundary's wiring: {@link ErrorBoundaryFilter} ahead of the filters that refuse
 * requests, and Tomcat's own error answers in the envelope ({@link EnvelopeErrorReportValve} in
 * place of the HTML error report Spring Boot installs on the host).
 */
@Configuration(proxyBeanMethods = false)
class ErrorConfiguration {

    /**
     * Inside the response self-check ({@code HIGHEST_PRECEDENCE + 5}, which must see the answers
     * written here), ahead of the API key filter ({@code + 10}) and every later one.
     */
    static final int ERROR_BOUNDARY_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 6;

    @Bean
    FilterRegistrationBean<ErrorBoundaryFilter> errorBoundaryFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        FilterRegistrationBean<ErrorBoundaryFilter> registration =
                new FilterRegistrationBean<>(new ErrorBoundaryFilter(resolver));
        registration.setOrder(ERROR_BOUNDARY_FILTER_ORDER);
        return registration;
    }

    /** Runs after Spring Boot's own customizer (lowest order). */
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
