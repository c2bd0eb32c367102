package dev.contactcard.contract.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A second consumer, written the way another team would: a read-only company directory that
 * lists the partner's contact cards and looks one up, with the JDK's own {@link HttpClient} and
 * a JSON tree, not with our client. It shows only active cards, by name.
 *
 * <p>It is here to be the consumer of its own pact ({@code directory-service}), so that the
 * provider verification and the pact-against-spec check are shown to take every consumer's pact.
 */
final class DirectoryService {

    /** One line of the directory. */
    record Listing(String phoneNumber, String displayName) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String cardsUrl;
    private final String apiKey;

    DirectoryService(String baseUrl, String apiKey) {
        this.cardsUrl = baseUrl + "/v3/contact_card";
        this.apiKey = apiKey;
    }

    /** Every active card of the partner, in the order the API gives them. */
    List<Listing> everyone() {
        return listings(fetch(cardsUrl));
    }

    /** The listing of one number, if it has an active card. */
    Optional<Listing> lookUp(String phoneNumber) {
        return listings(fetch(cardsUrl + "?phone_number=" + URLEncoder.encode(phoneNumber, StandardCharsets.UTF_8)))
                .stream()
                .findFirst();
    }

    private JsonNode fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The Contact Card API answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Listing> listings(JsonNode answer) {
        List<Listing> listings = new ArrayList<>();
        for (JsonNode card : answer.path("contact_cards")) {
            if (card.path("is_active").asBoolean(false)) {
                String name = card.path("first_name").asText()
                        + (card.hasNonNull("last_name")
                                ? " " + card.get("last_name").asText()
                                : "");
                listings.add(new Listing(card.path("phone_number").asText(), name));
            }
        }
        return listings;
    }
}
