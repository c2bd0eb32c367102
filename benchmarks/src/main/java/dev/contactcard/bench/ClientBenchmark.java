package dev.contactcard.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contactcard.client.ContactCardClient;
import dev.contactcard.client.model.ContactCard;
import dev.contactcard.client.model.ContactCardList;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openapitools.jackson.nullable.JsonNullableModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One GET of a card by phone number through {@link ContactCardClient#get} against the same GET
 * through a bare {@link HttpClient} with the body parsed by Jackson into the same model: the
 * difference is what the client's layers (Feign, retries, logging, decoding checks) cost. Both hit
 * the same server, started by {@link BenchmarkRun} in another JVM so its allocations are not
 * counted here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientBenchmark {

    /** The server's base URL, up to {@code /api/partner}. */
    @Param("http://127.0.0.1:8080/api/partner")
    public String baseUrl;

    /** A number the server has a card for. */
    @Param("+15550000000")
    public String phoneNumber;

    private ContactCardClient client;
    private HttpClient http;
    private HttpRequest request;
    private ObjectMapper objectMapper;

    @Setup
    public void setUp() throws Exception {
        client = ContactCardClient.builder()
                .baseUrl(baseUrl)
                .apiKey(Scenario.API_KEY)
                .build();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        request = HttpRequest.newBuilder(URI.create(baseUrl + "/v3/contact_card?phone_number="
                        + URLEncoder.encode(phoneNumber, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + Scenario.API_KEY)
                .header("Accept", "application/json")
                .GET()
                .build();
        objectMapper = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(new JsonNullableModule());
        if (client.get(phoneNumber).isEmpty() || raw().getContactCards().isEmpty()) {
            throw new IllegalStateException("No card for " + phoneNumber + " at " + baseUrl);
        }
    }

    @Benchmark
    public Optional<ContactCard> client() {
        return client.get(phoneNumber);
    }

    @Benchmark
    public ContactCardList raw() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return objectMapper.readValue(response.body(), ContactCardList.class);
    }
}
