package dev.contactcard.server.web;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.spec.ContactCardSpec;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * {@code contactcard.validate-responses} ({@code CONTACT_CARD_VALIDATE_RESPONSES=true}): the
 * provider validates each of its answers against the spec before sending it
 * ({@link ResponseValidationFilter}). Off by default; on in every test of this build.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("contactcard.validate-responses")
class ResponseValidationConfiguration {

    /** Outermost of the provider's filters: it sees the answers of all of them. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    @Bean
    FilterRegistrationBean<ResponseValidationFilter> responseValidationFilter(
            ContactCardProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errorBoundary) {
        FilterRegistrationBean<ResponseValidationFilter> registration = new FilterRegistrationBean<>(
                new ResponseValidationFilter(ContactCardSpec.text(), properties.basePath(), errorBoundary));
        registration.setOrder(ORDER);
        return registration;
    }
}
