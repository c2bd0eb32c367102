package dev.contactcard.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared test fixtures: a loopback WireMock server, canned bodies, a recording sleeper. */
final class Fixtures {

    static final String API_KEY = "sk-test-7f3c9a1e5b2d4c6e8a0f";
    static final String PATH = "/api/partner/v3/contact_card";
    static final String PHONE = "+15551234567";

    static final String CARD_JSON = "{\"phone_number\":\"+15551234567\",\"first_name\":\"John\",\"last_name\":\"Doe\","
            + "\"image_url\":\"https://cdn.linqapp.com/contact-card/example.jpg\",\"is_active\":true}";

    private Fixtures() {}

    /** WireMock on 127.0.0.1 and a random port, reset between tests. */
    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
                .build();
    }

    static String baseUrl(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort() + "/api/partner";
    }

    /** A builder aimed at the server, with a sleeper that records instead of sleeping. */
    static ContactCardClient.Builder builder(WireMockExtension server, RecordingSleeper sleeper) {
        return ContactCardClient.builder()
                .baseUrl(baseUrl(server))
                .apiKey(API_KEY)
                .sleeper(sleeper);
    }

    static String errorJson(int status, int code, String message) {
        return "{\"error\":{\"status\":" + status + ",\"code\":" + code + ",\"message\":\"" + message
                + "\"},\"success\":false}";
    }

    /** Records every wait the retryer asks for; never sleeps. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }
}
