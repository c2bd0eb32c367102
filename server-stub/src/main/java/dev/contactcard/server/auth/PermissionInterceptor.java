package dev.contactcard.server.auth;

import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;
import dev.contactcard.server.generated.api.ContactCardApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a read-only key every {@link ContactCardApi} operation other than GET or HEAD
 * (403 / 2005). The caller was authenticated earlier by {@link ApiKeyFilter}; this runs once
 * Spring MVC has found the operation (so an unknown path, a wrong method or a wrong
 * {@code Content-Type} is answered first: 404, 405, 415) and before the body is read (so a
 * read-only key's body is never judged: 403 comes before 413 and 400).
 */
class PermissionInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !ContactCardApi.class.isAssignableFrom(method.getBeanType())) {
            return true;
        }
        boolean readOnlyMethod = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!readOnlyMethod
                && request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller
                && caller.permission() != Permission.READ_WRITE) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        return true;
    }
}
