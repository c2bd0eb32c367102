package dev.contactcard.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/** Adds the bearer key, the User-Agent and the caller's extra headers to every request. */
final class ClientHeaders implements RequestInterceptor {

    static final String USER_AGENT =
            "contact-card-client/" + clientVersion() + " Java/" + System.getProperty("java.version");

    private final String authorization;
    private final Map<String, String> extraHeaders;

    ClientHeaders(String apiKey, Map<String, String> extraHeaders) {
        this.authorization = "Bearer " + apiKey;
        this.extraHeaders = Map.copyOf(extraHeaders);
    }

    @Override
    public void apply(RequestTemplate template) {
        template.removeHeader("User-Agent");
        template.header("User-Agent", USER_AGENT);
        extraHeaders.forEach((name, value) -> {
            template.removeHeader(name);
            template.header(name, value);
        });
        template.removeHeader("Authorization");
        template.header("Authorization", authorization);
    }

    /** The version of this jar, from the Maven-filtered {@code client.properties}. */
    static String clientVersion() {
        Properties properties = new Properties();
        try (InputStream in = ClientHeaders.class.getResourceAsStream("client.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException ignored) {
            // fall back below
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String toString() {
        return "ClientHeaders{extraHeaders=" + extraHeaders.keySet() + "}";
    }
}
