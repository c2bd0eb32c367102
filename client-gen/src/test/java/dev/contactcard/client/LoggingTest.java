package dev.contactcard.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.contactcard.client.Fixtures.API_KEY;
import static dev.contactcard.client.Fixtures.CARD_JSON;
import static dev.contactcard.client.Fixtures.PATH;
import static dev.contactcard.client.Fixtures.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.contactcard.client.model.CreateContactCardRequest;
import dev.contactcard.client.model.UpdateContactCardRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class LoggingTest {

    @RegisterExtension
    static WireMockExtension server = Fixtures.wireMock();

    private final Logger logger = (Logger) LoggerFactory.getLogger(ContactCardClient.class);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void captureTheClientLoggerAtDebug() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        captured.start();
        logger.addAppender(captured);
    }

    @AfterEach
    void restoreTheLogger() {
        logger.detachAppender(captured);
        logger.setLevel(levelBefore);
    }

    private List<String> lines() {
        return captured.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    @Test
    void requestsAndResponsesAreLoggedAtDebugWithTheKeyRedacted() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(CARD_JSON)));
        server.stubFor(patch(urlPathEqualTo(PATH)).willReturn(okJson(CARD_JSON)));
        ContactCardClient client =
                Fixtures.builder(server, new Fixtures.RecordingSleeper()).build();

        client.create(new CreateContactCardRequest().phoneNumber(PHONE).firstName("John"));
        client.update(PHONE, new UpdateContactCardRequest().lastName("Smith"));

        List<String> lines = lines();
        assertThat(captured.list).allMatch(event -> event.getLevel() == Level.DEBUG);
        assertThat(lines).anyMatch(line -> line.contains("---> POST http://127.0.0.1:"));
        assertThat(lines).anyMatch(line -> line.contains("---> PATCH http://127.0.0.1:"));
        assertThat(lines).anyMatch(line -> line.contains("<--- HTTP/1.1 200"));
        assertThat(lines).anyMatch(line -> line.contains("\"last_name\":\"Smith\""));
        assertThat(lines).anyMatch(line -> line.matches("(?i).*Authorization: <redacted>.*"));
        assertThat(lines).noneMatch(line -> line.contains(API_KEY));
    }

    @Test
    void retriedFailuresNeverLogTheKeyEither() {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse().withStatus(503).withBody(Fixtures.errorJson(503, 3006, "down"))));
        ContactCardClient client =
                Fixtures.builder(server, new Fixtures.RecordingSleeper()).build();

        assertThatThrownBy(() -> client.create(
                        new CreateContactCardRequest().phoneNumber(PHONE).firstName("J")))
                .isInstanceOf(InternalServerException.class)
                .satisfies(e -> assertThat(e.toString()).doesNotContain(API_KEY));

        assertThat(lines()).filteredOn(line -> line.contains("---> RETRYING")).hasSize(2);
        assertThat(lines()).noneMatch(line -> line.contains(API_KEY));
    }

    @Test
    void nothingIsLoggedAboveDebug() {
        logger.setLevel(Level.INFO);
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(CARD_JSON)));

        Fixtures.builder(server, new Fixtures.RecordingSleeper())
                .build()
                .create(new CreateContactCardRequest().phoneNumber(PHONE).firstName("John"));

        assertThat(captured.list).isEmpty();
    }

    @Test
    void neitherTheClientNorItsBuilderPrintsTheKey() {
        ContactCardClient.Builder builder = Fixtures.builder(server, new Fixtures.RecordingSleeper());

        assertThat(builder.toString()).doesNotContain(API_KEY).contains("<redacted>");
        assertThat(builder.build().toString()).doesNotContain(API_KEY);
    }
}
