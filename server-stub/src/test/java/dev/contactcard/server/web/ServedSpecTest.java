package dev.contactcard.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The served spec puts this sandbox first in {@code servers} however the spec's YAML is laid out:
 * a block list indented or not (as YAML tools write it), with a comment, or a flow list; the rest
 * of the document means what it meant.
 */
class ServedSpecTest {

    private static final String SANDBOX = "http://127.0.0.1:8080/api/partner";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "openapi: 3.0.3\nservers:\n  - url: https://prod.test\n    description: Production\npaths: {}\n",
                "openapi: 3.0.3\nservers:\n- url: https://prod.test\n  description: Production\npaths: {}\n",
                "openapi: 3.0.3\nservers: # where it runs\n\n  - url: https://prod.test\n    description: Production\n"
                        + "paths: {}\n",
                "openapi: 3.0.3\nservers: [{url: 'https://prod.test', description: Production}]\npaths: {}\n",
                "{\"openapi\": \"3.0.3\", \"servers\": [{\"url\": \"https://prod.test\", \"description\": \"Production\"}],"
                        + " \"paths\": {}}"
            })
    void theSandboxComesFirstAndTheRestIsUnchanged(String spec) {
        Map<String, Object> served = new Yaml().load(SpecController.withThisSandboxFirst(spec, SANDBOX));

        assertThat(served.get("servers"))
                .isEqualTo(List.of(
                        Map.of("url", SANDBOX, "description", "This sandbox (the URL this spec was served from)"),
                        Map.of("url", "https://prod.test", "description", "Production")));
        assertThat(served).containsEntry("openapi", "3.0.3").containsEntry("paths", Map.of());
        assertThat(served).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openapi: 3.0.3\npaths: {}\n", "openapi: 3.0.3\nx-servers:\n  - url: https://prod.test\n"})
    void aSpecWithoutServersIsRefused(String spec) {
        assertThatThrownBy(() -> SpecController.withThisSandboxFirst(spec, SANDBOX))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no top-level servers list");
    }
}
