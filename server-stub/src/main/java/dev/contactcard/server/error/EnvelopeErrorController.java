package dev.contactcard.server.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's error page ({@code /error}): what the servlet container answers with an
 * error status of its own (a request body that broke off mid-read, an exception a filter raised
 * outside {@link ErrorBoundaryFilter}) is raised again here as the {@link ApiException} of that
 * status, so {@link ErrorBoundary} answers it in the envelope: never a Whitelabel page, never
 * Spring's default JSON error body.
 */
@Controller
class EnvelopeErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public void error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        throw new ApiException(ErrorCode.forStatus(code));
    }
}
