package dev.contactcard.server.error;

import dev.contactcard.server.generated.model.ErrorDetail;
import dev.contactcard.server.generated.model.ErrorResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the spec's {@code ErrorResponse} envelope. The envelope is written straight to the
 * servlet response as JSON, without content negotiation, so that an error is always answered in
 * the envelope whatever the request's {@code Accept} header says.
 */
@Component
public class ErrorResponses {

    private final JsonMapper jsonMapper;

    public ErrorResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** The envelope for a code, with the given human-readable message. */
    public static ErrorResponse envelope(ErrorCode code, String message) {
        return new ErrorResponse(new ErrorDetail(code.status().value(), code.code(), message), false);
    }

    /** Writes the envelope, replacing anything buffered but not yet committed. */
    public void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = jsonMapper.writeValueAsBytes(envelope(code, message));
        response.setContentLength(body.length);
        // Not flushed here: the container sends it when the request ends.
        response.getOutputStream().write(body);
    }
}
