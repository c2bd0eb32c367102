package dev.contactcard.server.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection, instead of draining it, after a request answered before its body was
 * read whole (401, 403, 404, 413, 415, 429, …). Tomcat would otherwise read ("swallow") the rest of
 * the body on the worker thread to keep the connection alive, and a client sending that body one
 * byte at a time would hold the thread for as long as it likes, whatever the application answered.
 * Requests whose body was read keep their keep-alive connection.
 */
class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (!request.getCoyoteRequest().isFinished()) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
