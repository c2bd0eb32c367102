package dev.contactcard.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response check the API tests rely on really refuses what the spec does not allow. */
class SpecValidatingClientTest {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final String CARDS = SpecValidatingClient.CARDS;

    @Test
    void aCardTheSpecDescribesPasses() {
        assertThat(SpecValidatingClient.validate(CARDS, "POST", 200, JSON, """
                {"phone_number": "+15551234567", "first_name": "John", "is_active": true}""").getMessages())
                .isEmpty();
    }

    @Test
    void aNullOptionalFieldIsRefused() {
        assertThat(SpecValidatingClient.validate(CARDS, "POST", 200, JSON, """
                {"phone_number": "+15551234567", "first_name": "John", "is_active": true, "last_name": null}""").hasErrors())
                .isTrue();
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        assertThat(SpecValidatingClient.validate(CARDS, "POST", 200, JSON, """
                {"phone_number": "+15551234567", "first_name": "John"}""").hasErrors())
                .isTrue();
    }

    @Test
    void aStatusTheOperationDoesNotDocumentIsRefused() {
        assertThat(SpecValidatingClient.validate(CARDS, "GET", 409, JSON, """
                {"error": {"status": 409, "code": 2014, "message": "x"}, "success": false}""").hasErrors())
                .isTrue();
    }

    @Test
    void anErrorOutsideTheEnvelopeIsRefused() {
        assertThat(SpecValidatingClient.validate(CARDS, "POST", 400, JSON, """
                {"timestamp": "2026-01-01T00:00:00Z", "status": 400, "error": "Bad Request"}""").hasErrors())
                .isTrue();
    }

    // The strict-provider half of the policy on undocumented response fields (docs/VERSIONING.md):
    // the provider never sends a field the spec does not document, and every API test fails if it
    // does, because swagger-request-validator treats a schema without additionalProperties as closed.

    @Test
    void anUndocumentedFieldInACardIsRefusedNamingIt() {
        assertThat(SpecValidatingClient.validate(CARDS, "POST", 200, JSON, """
                {"phone_number": "+15551234567", "first_name": "John", "is_active": true, "created_at": "2026-01-01"}""").getMessages())
                .anySatisfy(message -> assertThat(message.getMessage()).contains("created_at"));
    }

    @Test
    void anUndocumentedFieldInAListedCardIsRefused() {
        assertThat(SpecValidatingClient.validate(CARDS, "GET", 200, JSON, """
                {"contact_cards": [{"phone_number": "+15551234567", "first_name": "John", "is_active": true, "theme": "blue"}]}""").getMessages())
                .anySatisfy(message -> assertThat(message.getMessage()).contains("theme"));
    }

    @Test
    void anUndocumentedFieldInTheErrorEnvelopeIsRefused() {
        assertThat(SpecValidatingClient.validate(CARDS, "POST", 409, JSON, """
                {"error": {"status": 409, "code": 2014, "message": "x", "trace_id": "abc"}, "success": false}""").getMessages())
                .anySatisfy(message -> assertThat(message.getMessage()).contains("trace_id"));
    }
}
