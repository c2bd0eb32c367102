package dev.contactcard.contract.provider;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Deliberately non-conforming variants of the reference provider, for the tests that show
 * provider verification fails on a real drift. Each is configuration added to the provider; none
 * is ever part of the sandbox.
 */
final class ProviderVariants {

    private ProviderVariants() {}

    /** A provider that renamed {@code is_active} to {@code active} in every answer. */
    @Configuration(proxyBeanMethods = false)
    static class RenamesIsActive {
        @Bean
        OncePerRequestFilter renameIsActive() {
            return new AnswerRewriter() {
                @Override
                Answer rewrite(Answer answer) {
                    return new Answer(answer.status(), answer.body().replace("\"is_active\"", "\"active\""));
                }
            };
        }
    }

    /** A provider that answers 200 where the contract says 409: it claims to have set up the card again. */
    @Configuration(proxyBeanMethods = false)
    static class AcceptsASecondCreate {
        @Bean
        OncePerRequestFilter acceptSecondCreate() {
            return new AnswerRewriter() {
                @Override
                Answer rewrite(Answer answer) {
                    return answer.status() == HttpServletResponse.SC_CONFLICT
                            ? new Answer(
                                    HttpServletResponse.SC_OK,
                                    "{\"phone_number\":\"+15551234567\",\"first_name\":\"Jane\",\"is_active\":true}")
                            : answer;
                }
            };
        }
    }

    record Answer(int status, String body) {}

    /** Rewrites every answer of the provider after it was produced. */
    abstract static class AnswerRewriter extends OncePerRequestFilter {

        abstract Answer rewrite(Answer answer);

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, captured);
            Answer rewritten = rewrite(new Answer(
                    captured.getStatus(), new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8)));
            byte[] body = rewritten.body().getBytes(StandardCharsets.UTF_8);
            response.setStatus(rewritten.status());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
