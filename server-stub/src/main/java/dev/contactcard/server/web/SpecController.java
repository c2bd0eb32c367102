package dev.contactcard.server.web;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.spec.ContactCardSpec;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves the contract at the root: the spec at {@code /openapi.yaml}, read from the
 * contact-card-api-spec jar on the classpath, and Swagger UI at {@code /docs} rendering it.
 *
 * <p>The served spec is the jar's text with one change: this sandbox's own URL (as the request
 * reached it, plus the base path) is put first in {@code servers}, so that Swagger UI's "Try it
 * out" calls this sandbox, never production. The spec in api-spec keeps production first.
 */
@RestController
class SpecController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private static final String SERVERS = "\nservers:\n";

    private final String spec;
    private final String basePath;
    private final byte[] docsPage;

    SpecController(ContactCardProperties properties) throws IOException {
        this.spec = new String(ContactCardSpec.bytes(), StandardCharsets.UTF_8);
        if (!spec.contains(SERVERS)) {
            throw new IllegalStateException("The spec has no top-level servers list to put this sandbox in");
        }
        this.basePath = properties.basePath();
        this.docsPage = read("docs/swagger-ui.html");
    }

    @GetMapping("/openapi.yaml")
    public ResponseEntity<byte[]> spec(HttpServletRequest request) {
        String self = ServletUriComponentsBuilder.fromContextPath(request)
                        .replaceQuery(null)
                        .build()
                        .toUriString()
                + basePath;
        String served = spec.replaceFirst(
                Pattern.quote(SERVERS),
                Matcher.quoteReplacement(SERVERS
                        + "  - url: '" + self.replace("'", "''") + "'\n"
                        + "    description: This sandbox (the URL this spec was served from)\n"));
        return ResponseEntity.ok()
                .contentType(YAML)
                .cacheControl(CacheControl.noCache())
                .body(served.getBytes(StandardCharsets.UTF_8));
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
