package dev.contactcard.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.contactcard.client.Fixtures.API_KEY;
import static dev.contactcard.client.Fixtures.CARD_JSON;
import static dev.contactcard.client.Fixtures.PATH;
import static dev.contactcard.client.Fixtures.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.contactcard.client.model.ContactCard;
import dev.contactcard.client.model.CreateContactCardRequest;
import dev.contactcard.client.model.UpdateContactCardRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactCardClientTest {

    @RegisterExtension
    static WireMockExtension server = Fixtures.wireMock();

    private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

    private ContactCardClient client() {
        return Fixtures.builder(server, sleeper).build();
    }

    @Test
    void everyRequestCarriesTheBearerKeyAndTheUserAgent() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"contact_cards\":[]}")));

        client().list();

        server.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader(
                        "User-Agent",
                        equalTo("contact-card-client/"
                                + System.getProperty("contactcard.project.version")
                                + " Java/"
                                + System.getProperty("java.version"))));
    }

    @Test
    void createPostsTheRequestAsSnakeCaseJsonWithoutUnsetFieldsAndReturnsTheCard() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(CARD_JSON)));

        ContactCard card = client().create(
                        new CreateContactCardRequest().phoneNumber(PHONE).firstName("John"));

        assertThat(card.getPhoneNumber()).isEqualTo(PHONE);
        assertThat(card.getLastName()).isEqualTo("Doe");
        assertThat(card.getIsActive()).isTrue();
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"phone_number\":\"+15551234567\",\"first_name\":\"John\"}"))
                .withRequestBody(notContaining("null")));
    }

    @Test
    void listSendsNoPhoneNumberAndReturnsEveryCard() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(
                        okJson("{\"contact_cards\":[" + CARD_JSON + "," + CARD_JSON.replace("4567", "4568") + "]}")));

        List<ContactCard> cards = client().list();

        assertThat(cards).extracting(ContactCard::getPhoneNumber).containsExactly(PHONE, "+15551234568");
        assertThat(cards).isUnmodifiable();
        server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("phone_number", absent()));
    }

    @Test
    void getPercentEncodesThePlusOfTheNumberAndReturnsItsCard() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("phone_number", equalTo(PHONE))
                .willReturn(okJson("{\"contact_cards\":[" + CARD_JSON + "]}")));

        Optional<ContactCard> card = client().get(PHONE);

        assertThat(card).map(ContactCard::getFirstName).contains("John");
        server.verify(getRequestedFor(urlEqualTo(PATH + "?phone_number=%2B15551234567")));
    }

    @Test
    void getReturnsEmptyWhenTheNumberHasNoCard() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"contact_cards\":[]}")));

        assertThat(client().get(PHONE)).isEmpty();
    }

    @Test
    void updateSendsOnlyTheFieldsThatWereSet() {
        server.stubFor(patch(urlPathEqualTo(PATH)).willReturn(okJson(CARD_JSON)));

        client().update(PHONE, new UpdateContactCardRequest().lastName("Smith"));

        server.verify(patchRequestedFor(urlEqualTo(PATH + "?phone_number=%2B15551234567"))
                .withRequestBody(equalToJson("{\"last_name\":\"Smith\"}"))
                .withRequestBody(notContaining("first_name"))
                .withRequestBody(notContaining("image_url")));
    }

    @Test
    void updateSendsAnExplicitNullToClearAField() {
        server.stubFor(patch(urlPathEqualTo(PATH)).willReturn(okJson(CARD_JSON)));

        client().update(PHONE, new UpdateContactCardRequest().imageUrl(null).firstName("Jane"));

        server.verify(patchRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(equalToJson("{\"image_url\":null,\"first_name\":\"Jane\"}"))
                .withRequestBody(containing("\"image_url\":null"))
                .withRequestBody(notContaining("last_name")));
    }

    @Test
    void anEmptyUpdateSendsAnEmptyObject() {
        server.stubFor(patch(urlPathEqualTo(PATH)).willReturn(okJson(CARD_JSON)));

        client().update(PHONE, new UpdateContactCardRequest());

        server.verify(patchRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson("{}")));
    }

    @Test
    void unknownResponseFieldsAreIgnored() {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(okJson(CARD_JSON.replace(
                        "{", "{\"created_at\":\"2026-01-01T00:00:00Z\",\"theme\":{\"color\":\"blue\"},"))));

        ContactCard card = client().create(
                        new CreateContactCardRequest().phoneNumber(PHONE).firstName("John"));

        assertThat(card.getFirstName()).isEqualTo("John");
    }

    // The tolerant-reader half of the policy on undocumented response fields (docs/VERSIONING.md):
    // a minor release may add response fields, and the client of the release before ignores them.

    @Test
    void aNewFieldInAListedCardAndBesideTheListIsIgnored() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"next_cursor\":null,\"contact_cards\":["
                        + CARD_JSON.replace("{", "{\"labels\":[\"vip\"],\"verified_at\":\"2026-01-01\",") + "]}")));

        List<ContactCard> cards = client().list();

        assertThat(cards).singleElement().satisfies(card -> {
            assertThat(card.getPhoneNumber()).isEqualTo(PHONE);
            assertThat(card.getIsActive()).isTrue();
        });
    }

    @Test
    void aNewFieldInAnUpdateAnswerIsIgnored() {
        server.stubFor(patch(urlPathEqualTo(PATH))
                .willReturn(okJson(CARD_JSON.replace("{", "{\"updated_at\":\"2026-01-01T00:00:00Z\","))));

        ContactCard card = client().update(PHONE, new UpdateContactCardRequest().lastName("Doe"));

        assertThat(card.getLastName()).isEqualTo("Doe");
    }

    @Test
    void extraHeadersAreSentAndMayReplaceTheUserAgent() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"contact_cards\":[]}")));

        Fixtures.builder(server, sleeper)
                .header("X-Request-Source", "billing")
                .header("user-agent", "billing-service/2")
                .header("User-Agent", "billing-service/3")
                .build()
                .list();

        server.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withHeader("X-Request-Source", equalTo("billing"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(PATH)))
                        .get(0)
                        .header("User-Agent")
                        .values())
                .as("one User-Agent, the last one set, whatever its case")
                .containsExactly("billing-service/3");
    }

    @Test
    void anAuthorizationHeaderIsRefusedInFavourOfApiKey() {
        assertThatThrownBy(() -> ContactCardClient.builder().header("authorization", "Bearer x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey");
    }

    @Test
    void aSuccessWithAnEmptyBodyIsInvalidData() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> client().create(new CreateContactCardRequest()
                        .phoneNumber(PHONE)
                        .firstName("J")))
                .isInstanceOf(ContactCardInvalidDataException.class)
                .hasMessageContaining("empty body");
    }

    @Test
    void aSuccessWithAnHtmlBodyIsInvalidDataAndNotRetried() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(200).withBody("<html>captive portal</html>")));

        assertThatThrownBy(() -> client().list())
                .isInstanceOf(ContactCardInvalidDataException.class)
                .hasMessageContaining("not JSON (27 bytes")
                .hasMessageNotContaining("captive portal");
        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyNeverLeavesForAnotherHost() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:9/elsewhere")));

        assertThatThrownBy(() -> client().list())
                .isInstanceOfSatisfying(
                        UnexpectedStatusCodeException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(302));
    }

    @Test
    void aRedirectSaysWhereItPointedWithoutItsQueryAndBlamesTheBaseUrl() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(301)
                        .withHeader("Location", "https://127.0.0.1:9/v3/contact_card?phone_number=%2B15551234567")
                        .withBody("<html>Moved</html>")));

        assertThatThrownBy(() -> client().get(PHONE))
                .isInstanceOf(UnexpectedStatusCodeException.class)
                .hasMessage("HTTP 301: a redirect to https://127.0.0.1:9/v3/contact_card, which the client does not"
                        + " follow (it would send the API key there); check the base URL");
        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }
}
