package dev.contactcard.server.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's error page ({@code /error}) so that what the servlet container rejects
 * before Spring MVC dispatches (an unparseable request line, an error in a filter) is answered in
 * the envelope too: never a Whitelabel page, never Spring's default JSON error body.
 */
@Controller
class EnvelopeErrorController implements ErrorController {

    private final ErrorResponses errors;

    EnvelopeErrorController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        ErrorCode errorCode = ErrorCode.forStatus(code);
        errors.write(response, errorCode, errorCode.defaultMessage());
    }
}
