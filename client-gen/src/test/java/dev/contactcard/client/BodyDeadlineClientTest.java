package dev.contactcard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyDeadlineClientTest {

    private static final Request GET = Request.create(
            Request.HttpMethod.GET,
            "http://127.0.0.1/api/partner/v3/contact_card",
            Map.of(),
            null,
            StandardCharsets.UTF_8,
            null);

    private final ScheduledThreadPoolExecutor alarms = BodyDeadlineClient.newAlarms();

    @AfterEach
    void stopTheAlarms() {
        alarms.shutdownNow();
    }

    private static Response answer(Request request) {
        return Response.builder()
                .status(200)
                .request(request)
                .headers(Map.of())
                .body("{\"contact_cards\":[]}", StandardCharsets.UTF_8)
                .build();
    }

    @Test
    void aBodyReadInTimeLeavesNoAlarmQueuedBehindIt() throws Exception {
        BodyDeadlineClient client = new BodyDeadlineClient((request, options) -> answer(request), alarms);
        Request.Options thirtySeconds = new Request.Options(1, TimeUnit.SECONDS, 30, TimeUnit.SECONDS, false);

        for (int i = 0; i < 1_000; i++) {
            try (Response response = client.execute(GET, thirtySeconds)) {
                assertThat(response.body().asInputStream().readAllBytes()).hasSize(20);
            }
        }

        assertThat(alarms.getQueue()).isEmpty();
        assertThat(alarms.getCompletedTaskCount()).as("no alarm fired").isZero();
    }

    @Test
    void aBodyReadEndedByTheTransportsSocketTimeoutIsTheReadTimeoutAsWhenTheAlarmEndsIt() {
        // The transport's socket timeout wins the race with the alarm (it did on a loaded machine).
        InputStream stalledBody = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new SocketTimeoutException("Read timed out");
            }
        };
        BodyDeadlineClient client = new BodyDeadlineClient((request, options) -> Response.builder()
                .status(200)
                .headers(Map.of())
                .request(request)
                .body(stalledBody, 100)
                .build());

        assertThatThrownBy(() ->
                        client.execute(GET, new Request.Options(1, TimeUnit.SECONDS, 10, TimeUnit.SECONDS, false)))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessage("response body not received within the read timeout of 10000 ms")
                .hasCauseInstanceOf(SocketTimeoutException.class);
    }

    @ParameterizedTest(name = "announced {1} bytes")
    @CsvSource({"'{\"contact_cards\":[]}', 20", "'{\"contact_cards\":[]}', ", "'{\"contact_cards\":[]}', 5", "'', 0"})
    void theWholeBodyIsReadWhateverLengthWasAnnounced(String body, Integer announced) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(BodyDeadlineClient.readAll(new ByteArrayInputStream(bytes), announced))
                .isEqualTo(bytes);
    }
}
