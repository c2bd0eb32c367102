package com.example.directory;

import com.example.directory.contactcard.api.ContactCardApi;
import com.example.directory.contactcard.invoker.ApiClient;
import java.net.URI;
import java.time.Duration;

/**
 * The only hand-written code a team needs around the client OpenAPI Generator's {@code java/native}
 * makes from the Contact Card spec: where to send requests and which key to send.
 *
 * <p>The generated {@link ApiClient} starts on the spec's first server (production) and sends no
 * credentials; the spec's {@code bearerAuth} scheme is not wired by the native library, so the key
 * goes in by a request interceptor.
 */
public final class ContactCardApis {

    /** The production base URL, as the spec's first server names it. */
    public static final URI PRODUCTION = URI.create("https://api.linqapp.com/api/partner");

    private ContactCardApis() {}

    /**
     * A Contact Card API at {@code baseUrl} (production, or a sandbox such as
     * {@code http://localhost:8080/api/partner}) calling with {@code apiKey}.
     */
    public static ContactCardApi contactCardApi(URI baseUrl, String apiKey) {
        ApiClient apiClient = new ApiClient();
        apiClient.updateBaseUri(baseUrl.toString());
        apiClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        apiClient.setConnectTimeout(Duration.ofSeconds(5));
        apiClient.setReadTimeout(Duration.ofSeconds(10));
        return new ContactCardApi(apiClient);
    }
}
