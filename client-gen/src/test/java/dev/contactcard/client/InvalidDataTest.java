package dev.contactcard.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.contactcard.client.Fixtures.CARD_JSON;
import static dev.contactcard.client.Fixtures.PATH;
import static dev.contactcard.client.Fixtures.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.contactcard.client.model.CreateContactCardRequest;
import dev.contactcard.client.model.UpdateContactCardRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A 2xx whose body is not the documented model fails at once, naming what is wrong. */
class InvalidDataTest {

    @RegisterExtension
    static WireMockExtension server = Fixtures.wireMock();

    private static final String DIGITS = PHONE.substring(1);

    private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

    private ContactCardInvalidDataException createAnswered(String body) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(body)));
        ContactCardClient client = Fixtures.builder(server, sleeper).build();
        return catchThrowableOfType(
                ContactCardInvalidDataException.class,
                () -> client.create(
                        new CreateContactCardRequest().phoneNumber(PHONE).firstName("John")));
    }

    private ContactCardInvalidDataException listAnswered(String body) {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(body)));
        ContactCardClient client = Fixtures.builder(server, sleeper).build();
        return catchThrowableOfType(ContactCardInvalidDataException.class, client::list);
    }

    @Test
    void aCardWithoutARequiredFieldIsInvalidDataNamingTheField() {
        ContactCardInvalidDataException e =
                createAnswered("{\"phone_number\":\"+15551234567\",\"first_name\":\"John\"}");

        assertThat(e)
                .hasMessage("HTTP 200 answer to POST is not a valid ContactCard: required field is_active is"
                        + " missing or null");
        assertThat(sleeper.waits).as("invalid data is not retried").isEmpty();
    }

    @Test
    void aRequiredFieldThatIsNullIsInvalidDataToo() {
        assertThat(createAnswered(CARD_JSON.replace("\"John\"", "null")))
                .hasMessageContaining("required field first_name is missing or null");
    }

    @Test
    void anEmptyObjectIsNotACard() {
        assertThat(createAnswered("{}")).hasMessageContaining("required field phone_number");
    }

    @Test
    void aListWithAnIncompleteCardIsInvalidDataWithThePathOfTheField() {
        ContactCardInvalidDataException e = listAnswered(
                "{\"contact_cards\":[" + CARD_JSON + ",{\"phone_number\":\"+15551234568\",\"is_active\":true}]}");

        assertThat(e).hasMessageEndingWith("required field contact_cards[1].first_name is missing or null");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"contact_cards\":null}", "{\"cards\":[]}"})
    void aListAnswerWithoutTheListIsInvalidData(String body) {
        assertThat(listAnswered(body)).hasMessageContaining("required field contact_cards is missing");
    }

    @Test
    void aNullInTheListIsInvalidDataNotANullPointerException() {
        assertThat(listAnswered("{\"contact_cards\":[null]}"))
                .hasMessageContaining("required field contact_cards[0] is missing or null");
    }

    @Test
    void aWrongTypeNamesThePathButNeverQuotesTheBody() {
        ContactCardInvalidDataException e =
                listAnswered("{\"contact_cards\":[" + CARD_JSON.replace("true", "\"maybe\"") + "]}");

        assertThat(e)
                .hasMessage("HTTP 200 answer to GET is not a valid ContactCardList: unexpected value at"
                        + " contact_cards[0].is_active")
                .hasMessageNotContaining(DIGITS);
    }

    @Test
    void truncatedJsonIsMalformedAndNeverQuoted() {
        ContactCardInvalidDataException e = createAnswered(CARD_JSON.substring(0, 40));

        assertThat(e).hasMessageContaining("malformed JSON at line 1").hasMessageNotContaining(DIGITS);
    }

    @Test
    void aJsonNullBodyIsInvalidData() {
        assertThat(createAnswered("null")).hasMessageEndingWith("not a valid ContactCard: null");
    }

    @Test
    void anHtmlPageIsDescribedByItsTypeAndSizeButNeverQuoted() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>\n  <title>Call " + PHONE + "</title>\n</html>")));

        assertThatThrownBy(Fixtures.builder(server, sleeper).build()::list)
                .isInstanceOf(ContactCardInvalidDataException.class)
                .hasMessage("HTTP 200 answer to GET is not a valid ContactCardList: not JSON (49 bytes, text/html;"
                        + " the body is logged at DEBUG, never quoted)")
                .hasMessageNotContaining(PHONE.substring(1))
                .hasMessageNotContaining("html>");
        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anUpdateAnsweredWithoutABodyIsInvalidDataNamingTheStatusAndMethod() {
        // A provider that answers an update 204 instead of the merged card: the caller is told at
        // once, not handed a null card.
        server.stubFor(patch(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(204)));

        assertThatThrownBy(() -> Fixtures.builder(server, sleeper)
                        .build()
                        .update(PHONE, new UpdateContactCardRequest().lastName("Smith")))
                .isInstanceOf(ContactCardInvalidDataException.class)
                .hasMessage("HTTP 204 answer to PATCH has an empty body");
        assertThat(sleeper.waits).as("invalid data is not retried").isEmpty();
    }

    @Test
    void anUpdateAnswerWithoutTheCardsRequiredFieldIsInvalidDataNamingIt() {
        server.stubFor(patch(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"phone_number\":\"+15551234567\",\"is_active\":true}")));

        assertThatThrownBy(() -> Fixtures.builder(server, sleeper)
                        .build()
                        .update(PHONE, new UpdateContactCardRequest().lastName("Smith")))
                .isInstanceOf(ContactCardInvalidDataException.class)
                .hasMessage("HTTP 200 answer to PATCH is not a valid ContactCard: required field first_name is"
                        + " missing or null");
    }
}
