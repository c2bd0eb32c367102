package dev.contactcard.client;

import static dev.contactcard.client.Fixtures.CARD_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contactcard.client.model.ContactCard;
import dev.contactcard.client.model.ContactCardList;
import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactCardDecoderTest {

    private final ObjectMapper objectMapper = ContactCardClient.objectMapper();
    private final List<JavaType> introspected = new ArrayList<>();
    private final ContactCardDecoder decoder = new ContactCardDecoder(objectMapper, type -> {
        introspected.add(type);
        return objectMapper.getDeserializationConfig().introspect(type);
    });

    private static Response ok(String body) {
        Request request = Request.create(
                Request.HttpMethod.GET,
                "http://127.0.0.1/api/partner/v3/contact_card",
                Map.of(),
                null,
                StandardCharsets.UTF_8,
                null);
        return Response.builder()
                .status(200)
                .request(request)
                .headers(Map.of())
                .body(body, StandardCharsets.UTF_8)
                .build();
    }

    @Test
    void eachModelTypeIsIntrospectedOnceHoweverManyAnswersAreDecoded() throws Exception {
        for (int i = 0; i < 100; i++) {
            Object decoded = decoder.decode(ok("{\"contact_cards\":[" + CARD_JSON + "]}"), ContactCardList.class);
            assertThat(((ContactCardList) decoded).getContactCards()).hasSize(1);
        }

        assertThat(introspected)
                .extracting(JavaType::getRawClass)
                .containsExactlyInAnyOrder(ContactCardList.class, ContactCard.class);
    }

    @Test
    void theRequiredFieldCheckStillAppliesOnceTheTypeIsKnown() throws Exception {
        decoder.decode(ok(CARD_JSON), ContactCard.class);

        assertThatThrownBy(() -> decoder.decode(ok("{\"first_name\":\"John\",\"is_active\":true}"), ContactCard.class))
                .isInstanceOf(ContactCardInvalidDataException.class)
                .hasMessageContaining("required field phone_number is missing or null");
        assertThat(introspected).hasSize(1);
    }
}
