package dev.contactcard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything in the provider is package-private unless another package or module needs it (as
 * Feign does): a new public type must be added here, with the reason, or this test fails.
 */
class PublicTypesTest {

    /** Every public type of the hand-written provider, and who needs it public. */
    private static final Map<String, String> PUBLIC_TYPES = Map.ofEntries(
            Map.entry("ContactCardSandboxApplication", "the main class; contract-tests start it"),
            Map.entry("ContactCardProperties", "settings read by auth, card, storage and web"),
            Map.entry("auth.ApiKeyRegistry", "contract-tests check a provider state's key"),
            Map.entry("auth.Caller", "the authenticated caller, read by card; contract-tests"),
            Map.entry("auth.Permission", "contract-tests check a read-only key"),
            Map.entry("auth.SandboxKeys", "the development keys; contract-tests"),
            Map.entry("card.CardApplier", "a seam tests of other modules replace"),
            Map.entry("card.ContactCardRecord", "a stored card; storage and contract-tests"),
            Map.entry("card.IdempotentCreates", "the card service's view of its keys; implemented by idempotency"),
            Map.entry("card.ContactCardRepository", "implemented by storage; contract-tests set states with it"),
            Map.entry("card.ImageRehoster", "a seam tests of other modules replace"),
            Map.entry("card.SandboxCardApplier", "the failing test numbers; contract-tests"),
            Map.entry("error.ApiException", "thrown by auth, card and web"),
            Map.entry("error.ErrorCode", "the spec's code table, used by every package"),
            Map.entry("error.FailureTranslator", "validation reads its broken rules for the error boundary"),
            Map.entry("error.RequestBodyRejectedException", "thrown by web's body stream, answered by the boundary"));

    @Test
    void onlyTheTypesOtherPackagesOrModulesNeedArePublic() throws Exception {
        assertThat(publicTypes()).containsExactlyInAnyOrderElementsOf(PUBLIC_TYPES.keySet());
    }

    /** Sixteen: two of them carry failures to the error boundary (FailureTranslator, RequestBodyRejectedException). */
    @Test
    void theProviderHasAtMostSixteenPublicTypes() throws Exception {
        assertThat(publicTypes()).hasSizeLessThanOrEqualTo(16);
    }

    /** The public top-level types compiled from src/main/java (the generated code excluded). */
    private static Set<String> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ContactCardSandboxApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path server = root.resolve("dev/contactcard/server");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(server)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = server.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                String name = relative.substring(0, relative.length() - ".class".length());
                if (name.startsWith("generated.") || name.contains("$") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type =
                        Class.forName("dev.contactcard.server." + name, false, PublicTypesTest.class.getClassLoader());
                if (Modifier.isPublic(type.getModifiers())) {
                    names.add(name);
                }
            }
        }
        assertThat(names).as("public types found under %s", server).isNotEmpty();
        return names;
    }
}
