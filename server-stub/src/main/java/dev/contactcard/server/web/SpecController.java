package dev.contactcard.server.web;

import dev.contactcard.spec.ContactCardSpec;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the contract at the root: the spec itself at {@code /openapi.yaml}, read from the
 * contact-card-api-spec jar on the classpath, and Swagger UI at {@code /docs} rendering it.
 */
@RestController
class SpecController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final byte[] spec;
    private final byte[] docsPage;

    SpecController() throws IOException {
        this.spec = ContactCardSpec.bytes();
        this.docsPage = read("docs/swagger-ui.html");
    }

    @GetMapping("/openapi.yaml")
    public ResponseEntity<byte[]> spec() {
        return ResponseEntity.ok()
                .contentType(YAML)
                .cacheControl(CacheControl.noCache())
                .body(spec);
    }

    @GetMapping({"/docs", "/docs/"})
    public ResponseEntity<byte[]> docs() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .body(docsPage);
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
