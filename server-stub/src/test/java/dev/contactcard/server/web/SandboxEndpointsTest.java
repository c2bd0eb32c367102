package dev.contactcard.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.SpecValidatingClient;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.autoproxy.AbstractAutoProxyCreator;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.dao.annotation.PersistenceExceptionTranslationPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.ServerHttpObservationFilter;

/** The spec, its Swagger UI and the health check live at the root and need no key. */
class SandboxEndpointsTest extends ApiTest {

    @Test
    void theSpecIsServedAsTheSpecJarHoldsItWithThisSandboxFirstInServers() {
        Answer answer = api.sendOutsideSpec("GET", "/openapi.yaml", null, Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/yaml");
        OpenAPI served = new OpenAPIV3Parser().readContents(answer.body()).getOpenAPI();
        OpenAPI jar = new OpenAPIV3Parser()
                .readContents(SpecValidatingClient.readSpec())
                .getOpenAPI();
        assertThat(served.getServers().get(0).getUrl()).isEqualTo("http://127.0.0.1:" + port + "/api/partner");
        assertThat(served.getServers().subList(1, served.getServers().size())).isEqualTo(jar.getServers());
        assertThat(served.getPaths()).isEqualTo(jar.getPaths());
        assertThat(answer.body()
                        .replaceFirst(
                                "\\n[ \\t]*- url: 'http://127[^\\n]*\\n[ \\t]*description: This sandbox[^\\n]*", ""))
                .isEqualTo(SpecValidatingClient.readSpec());
    }

    @Test
    void swaggerUiAtDocsRendersTheServedSpecWithAssetsThatAreServedToo() {
        Answer page = api.sendOutsideSpec("GET", "/docs", null, Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("url: \"/openapi.yaml\"");
        Matcher bundle = Pattern.compile("src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"")
                .matcher(page.body());
        assertThat(bundle.find()).as("the page loads the Swagger UI bundle").isTrue();
        Answer script = api.sendOutsideSpec("GET", bundle.group(1), null, Map.of());
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("SwaggerUIBundle");
    }

    @Test
    void theHealthCheckIsUpWithoutAKey() {
        Answer answer = api.sendOutsideSpec("GET", "/actuator/health", null, Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void theHealthCheckReportsTheDatabase() {
        Answer health = api.sendOutsideSpec("GET", "/actuator/health", null, Map.of());
        Answer readiness = api.sendOutsideSpec("GET", "/actuator/health/readiness", null, Map.of());

        assertThat(health.json().path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("components").path("db").path("status").asString())
                .as("the readiness probe a load balancer uses includes the database")
                .isEqualTo("UP");
    }

    /**
     * No metrics are exposed (health only), so none are kept: no meter registry, no observation
     * registry, no timer around every request. Removed for start-up and requests per second
     * (benchmarks/README.md); the health check above is what the actuator still serves.
     */
    @Test
    void noMetricsOrObservationsAreKeptThatNoEndpointExposes() {
        assertThat(provider().getBeanNamesForType(MeterRegistry.class)).isEmpty();
        assertThat(provider().getBeanNamesForType(ObservationRegistry.class)).isEmpty();
        assertThat(provider().getBeanNamesForType(ServerHttpObservationFilter.class))
                .isEmpty();
        Answer metrics = api.sendOutsideSpec("GET", "/actuator/metrics", null, Map.of());
        assertThat(metrics.status()).isEqualTo(404);
    }

    /**
     * Nor what start-up would spend on machinery nothing here uses: no auto-proxying (no
     * {@code @Transactional}, no aspects), no shared {@code TransactionTemplate} (the storage builds
     * its own), no exception translation of {@code @Repository} beans, no SQL script
     * initialisation (Flyway migrates the schema).
     */
    @Test
    void noAutoProxyingTransactionTemplateOrScriptInitializationIsSetUp() {
        assertThat(provider().getBeanNamesForType(AbstractAutoProxyCreator.class))
                .isEmpty();
        assertThat(provider().getBeanNamesForType(TransactionTemplate.class)).isEmpty();
        assertThat(provider().getBeanNamesForType(PersistenceExceptionTranslationPostProcessor.class))
                .isEmpty();
        assertThat(provider().getBeanNamesForType(DataSourceScriptDatabaseInitializer.class))
                .isEmpty();
    }

    @Test
    void unknownActuatorPathsAreAnsweredInTheEnvelope() {
        for (String path : new String[] {"/actuator/health/unknown", "/actuator/unknown", "/actuator/health/db/x"}) {
            Answer answer = api.sendOutsideSpec("GET", path, null, Map.of());

            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(answer.json().path("error").path("code").asInt())
                    .as(path)
                    .isEqualTo(2016);
            assertThat(answer.json().path("success").asBoolean(true)).as(path).isFalse();
        }
    }
}
