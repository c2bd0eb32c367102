package dev.contactcard.server.error;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report, in the envelope. Tomcat answers some requests itself, before any filter
 * or Spring MVC sees them: an unparseable request line, a character not allowed in the path or
 * query, an invalid or duplicated {@code Content-Length}, an unknown {@code Transfer-Encoding},
 * a missing {@code Host}, a request line or headers over Tomcat's size limits. Its default
 * {@link ErrorReportValve} writes those as an HTML page; this one writes the spec's envelope
 * instead (400 / 1001 for a malformed request): the container-level fallback of
 * {@link ErrorBoundary}, the one place the application answers errors. Installed on the host by
 * {@link ErrorConfiguration} in place of every other error report valve. Errors raised inside the
 * application never get here: {@link ErrorBoundary} answers them first.
 */
class EnvelopeErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        // The status decides: Tomcat attaches its parse exception to a 400 as well.
        ErrorCode code = ErrorCode.forStatus(status);
        String message = code == ErrorCode.MALFORMED_REQUEST
                ? "Malformed HTTP request: the request line, a header or the query string is invalid or too long"
                : code.defaultMessage();
        try {
            response.setStatus(code.status().value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ErrorBoundary.envelope(code, message)));
            }
        } catch (IOException | IllegalStateException ex) {
            // The connection is gone or the response was committed meanwhile: nothing left to answer.
        }
    }
}
