package dev.contactcard.contract.verifier.generative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What the stateful checks demand of a card after a create or an update, and how they say it differs. */
class ExpectedCardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private final String before = "{\"phone_number\":\"+15555550100\",\"first_name\":\"John\",\"last_name\":\"Doe\","
            + "\"image_url\":\"https://cdn.example/j.jpg\",\"is_active\":true}";

    @Test
    void anUpdateKeepsWhatItLeavesOutClearsWhatItNullsAndChangesWhatItSends() throws Exception {
        ExpectedCard expected = ExpectedCard.merged(json(before), (ObjectNode) json("{\"last_name\":null}"));

        assertThat(expected.differences(json("{\"phone_number\":\"+15555550100\",\"first_name\":\"John\","
                        + "\"image_url\":\"https://cdn.example/j.jpg\",\"is_active\":true}")))
                .isEmpty();
        assertThat(expected.differences(json(before)))
                .containsExactly("last_name: the card has none (absent), but the answer holds \"Doe\"");
        assertThat(expected.differences(json("{\"phone_number\":\"+15555550100\",\"first_name\":\"John\","
                        + "\"last_name\":null,\"image_url\":\"https://cdn.example/j.jpg\",\"is_active\":true}")))
                .containsExactly("last_name: the card has none (absent), but the answer holds null");
    }

    @Test
    void aKeptImageMustBeTheSameAndANewOneOnlyPresent() throws Exception {
        ExpectedCard kept = ExpectedCard.merged(json(before), (ObjectNode) json("{\"first_name\":\"Jane\"}"));
        ExpectedCard replaced =
                ExpectedCard.merged(json(before), (ObjectNode) json("{\"image_url\":\"https://other.example/x\"}"));
        JsonNode rehosted = json("{\"phone_number\":\"+15555550100\",\"first_name\":\"Jane\",\"last_name\":\"Doe\","
                + "\"image_url\":\"https://cdn.example/rehosted.jpg\",\"is_active\":true}");

        assertThat(kept.differences(rehosted))
                .containsExactly("image_url: \"https://cdn.example/j.jpg\", but the answer holds"
                        + " \"https://cdn.example/rehosted.jpg\"");
        assertThat(replaced.differences(rehosted))
                .containsExactly("first_name: \"John\", but the answer holds \"Jane\"");
    }

    @Test
    void aCreatedCardHoldsExactlyWhatWasSentAndNoOtherField() throws Exception {
        ExpectedCard created =
                ExpectedCard.createdFrom(json("{\"phone_number\":\"+15555550100\",\"first_name\":\"A\"}"));

        assertThat(created.differences(
                        json("{\"phone_number\":\"+15555550100\",\"first_name\":\"A\",\"is_active\":false}")))
                .isEmpty();
        assertThat(created.differences(
                        json("{\"phone_number\":\"+15555550100\",\"first_name\":\"A\",\"last_name\":\"\","
                                + "\"is_active\":true,\"active\":true}")))
                .containsExactlyInAnyOrder(
                        "it holds a field no card has: active",
                        "last_name: the card has none (absent), but the answer holds \"\"");
    }
}
