package dev.contactcard.server.web;

import dev.contactcard.server.ContactCardProperties;
import dev.contactcard.spec.ContactCardSpec;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

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

    private static final String DESCRIPTION = "This sandbox (the URL this spec was served from)";

    /**
     * The first entry of the top-level {@code servers} list in block style, whatever its
     * indentation ({@code "  - url"} or {@code "- url"}, as YAML tools write it): group 1 is the
     * entry's indentation.
     */
    private static final Pattern FIRST_SERVER =
            Pattern.compile("(?m)^servers:[ \\t]*(?:#[^\\n]*)?\\n(?:[ \\t]*(?:#[^\\n]*)?\\n)*([ \\t]*)- ");

    private final String spec;
    private final String basePath;
    private final byte[] docsPage;

    SpecController(ContactCardProperties properties) throws IOException {
        this.spec = new String(ContactCardSpec.bytes(), StandardCharsets.UTF_8);
        withThisSandboxFirst(spec, "http://localhost/check"); // fails the start when there is no servers list
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
        return ResponseEntity.ok()
                .contentType(YAML)
                .cacheControl(CacheControl.noCache())
                .body(withThisSandboxFirst(spec, self).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The spec with {@code url} first in its top-level {@code servers}. A block-style list gets
     * the entry inserted, in the list's own indentation, so the text is otherwise the jar's
     * (comments and layout kept); any other layout (a flow-style list) is rewritten from the
     * parsed document.
     */
    static String withThisSandboxFirst(String spec, String url) {
        Matcher first = FIRST_SERVER.matcher(spec);
        if (first.find()) {
            String indent = first.group(1);
            return spec.substring(0, first.start(1))
                    + indent + "- url: '" + url.replace("'", "''") + "'\n"
                    + indent + "  description: " + DESCRIPTION + "\n"
                    + spec.substring(first.start(1));
        }
        Object parsed = new Yaml().load(spec);
        if (!(parsed instanceof Map<?, ?> document) || !(document.get("servers") instanceof List<?> servers)) {
            throw new IllegalStateException("The spec has no top-level servers list to put this sandbox in");
        }
        Map<Object, Object> rewritten = new LinkedHashMap<>(document);
        List<Object> withSandbox = new ArrayList<>();
        withSandbox.add(Map.of("url", url, "description", DESCRIPTION));
        withSandbox.addAll(servers);
        rewritten.put("servers", withSandbox);
        DumperOptions block = new DumperOptions();
        block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(block).dump(rewritten);
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
