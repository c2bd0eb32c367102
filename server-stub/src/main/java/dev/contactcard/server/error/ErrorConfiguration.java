package dev.contactcard.server.error;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's own error answers in the envelope: replaces the HTML error report Spring Boot installs
 * on the host with {@link EnvelopeErrorReportValve}, so that requests Tomcat rejects before the
 * application sees them are answered in the envelope too.
 */
@Configuration(proxyBeanMethods = false)
class ErrorConfiguration {

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
