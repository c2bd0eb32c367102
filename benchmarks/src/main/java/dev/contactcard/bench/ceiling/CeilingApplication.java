package dev.contactcard.bench.ceiling;

import dev.contactcard.server.generated.api.ContactCardApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The framework's ceiling: a Spring Boot application whose only controller implements the same
 * generated {@link ContactCardApi} as the sandbox, on the same paths, keeping cards in a map. No
 * authentication, no validation, no database, no metrics (the sandbox keeps none either): what the
 * sandbox would cost if it did nothing but Spring MVC and Jackson. Started by the benchmark in its own JVM, with the sandbox's JVM options.
 */
@SpringBootApplication
public class CeilingApplication {

    public static void main(String[] args) throws IOException {
        SpringApplication application = new SpringApplication(CeilingApplication.class);
        // Not the sandbox's application.properties (on this classpath with the generated interface),
        // except its list of what the sandbox leaves out (metrics and observations): the ceiling
        // is what Spring MVC and Jackson cost by themselves, not a timer around every request.
        Properties sandbox = new Properties();
        try (InputStream in = CeilingApplication.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("The sandbox's application.properties is not on the class path");
            }
            sandbox.load(in);
        }
        application.setDefaultProperties(Map.of(
                "spring.config.name", "ceiling",
                "spring.main.banner-mode", "off",
                "management.endpoints.web.exposure.include", "health",
                "spring.autoconfigure.exclude", sandbox.getProperty("spring.autoconfigure.exclude")));
        application.run(args);
    }

    @Bean
    WebMvcConfigurer basePath() {
        return new WebMvcConfigurer() {
            @Override
            public void configurePathMatch(PathMatchConfigurer configurer) {
                configurer.addPathPrefix("/api/partner", HandlerTypePredicate.forAssignableType(ContactCardApi.class));
            }

            /**
             * No validation: a Spring validator that is not a Bean Validation one, so Spring MVC
             * applies no method validation to the generated interface's constraints (with no Bean
             * Validation provider on this class path it would otherwise fail every request).
             */
            @Override
            public Validator getValidator() {
                return new Validator() {
                    @Override
                    public boolean supports(Class<?> type) {
                        return false;
                    }

                    @Override
                    public void validate(Object target, Errors errors) {}
                };
            }
        };
    }
}
