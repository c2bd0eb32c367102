package dev.contactcard.server.web;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_ONLY;
import static dev.contactcard.server.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
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
}
