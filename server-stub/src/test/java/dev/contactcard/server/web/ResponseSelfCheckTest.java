package dev.contactcard.server.web;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_ONLY;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static dev.contactcard.server.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.RawHttp;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * With {@code contactcard.validate-responses} (on in every test), an answer the spec does not allow
 * never leaves the provider: it is logged with the operation and the JSON path and replaced by
 * 500/3006. The drift here is real data: a stored card whose phone number is not E.164, which the
 * provider would otherwise list as it is.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResponseSelfCheckTest extends ApiTest {

    @Test
    void anAnswerTheSpecDoesNotAllowIsLoggedWithOperationAndPathAndAnswered500(CapturedOutput output) {
        repository.save(ContactCardRecord.of(PARTNER, "555-1234", "John", null, null, true));

        Answer answer = api.list(READ_ONLY);

        assertError(answer, 500, 3006);
        assertThat(answer.body()).doesNotContain("555-1234");
        assertThat(output.getOut() + output.getErr())
                .contains("getContactCards at /contact_cards/0/phone_number")
                .contains("555-1234");
    }

    @Test
    void anAnswerTheSpecAllowsIsSentAsItIs() {
        repository.save(ContactCardRecord.of(PARTNER, "+15551234567", "John", null, null, true));

        Answer answer = api.list(READ_ONLY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()
                        .path("contact_cards")
                        .get(0)
                        .path("phone_number")
                        .asString())
                .isEqualTo("+15551234567");
    }

    @Test
    void anAnswerTheContainerGivesItselfIsNotTakenForADrift(CapturedOutput output) {
        // The body ends 50 bytes before its Content-Length says: Tomcat commits a 400 for the broken
        // read and its error dispatch writes the envelope. The self-check used to see an answer
        // without a body, log it as a drift and try to replace it.
        String body = "{\"phone_number\":\"+15551234567\",\"first_name\":\"John\"}";
        String request = "POST /api/partner/v3/contact_card HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + READ_WRITE + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (body.getBytes(StandardCharsets.UTF_8).length + 50)
                + "\r\nConnection: close\r\n\r\n" + body;

        RawHttp.Answer answer = RawHttp.send(port, request);

        assertError(answer, 400, 1001);
        assertThat(output.getOut() + output.getErr()).doesNotContain("is not one the spec allows");
    }
}
