package dev.contactcard.contract.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contactcard.server.auth.SandboxKeys;
import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.card.ContactCardRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Deliberately non-conforming variants of the reference provider, for the tests that show
 * provider verification fails on a real drift. Each {@link Drift} is one behaviour a provider
 * team could change; none is ever part of the sandbox.
 *
 * <p>{@link Installed} adds every variant to a provider as configuration of this test code (a
 * servlet filter ahead of the provider's own, and a wrapper around its {@link
 * ContactCardRepository}); {@link #select} chooses which one acts. With none selected, both pass
 * everything through untouched. The drift tests start one such provider and select each drift in
 * turn, so that a new drift costs a verification run, not another provider start.
 */
final class ProviderVariants {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Drift selected;

    private ProviderVariants() {}

    /** Makes {@code drift} the behaviour of every provider started with {@link Installed}; {@code null} for none. */
    static void select(Drift drift) {
        selected = drift;
    }

    /** One way a provider can drift from what its consumers rely on. */
    enum Drift {
        /** Renames {@code is_active} to {@code active} in every answer. */
        RENAMES_IS_ACTIVE {
            @Override
            Answer answer(Incoming request, Answer answer) {
                return answer.withBody(answer.body().replace("\"is_active\"", "\"active\""));
            }
        },

        /** Answers 200 where the contract says 409: it claims to have set up the card again. */
        ACCEPTS_A_SECOND_CREATE {
            @Override
            Answer answer(Incoming request, Answer answer) {
                return answer.status() == HttpServletResponse.SC_CONFLICT
                        ? new Answer(
                                HttpServletResponse.SC_OK,
                                "{\"phone_number\":\"+15551234567\",\"first_name\":\"Jane\",\"is_active\":true}")
                        : answer;
            }
        },

        /** A get of a number without a card answers 404 instead of 200 with an empty list. */
        NO_CARD_IS_NOT_FOUND {
            @Override
            Answer answer(Incoming request, Answer answer) {
                boolean oneNumber = request.method().equals("GET") && request.phoneNumberQuery() != null;
                return oneNumber
                                && answer.status() == 200
                                && answer.body().replace(" ", "").equals("{\"contact_cards\":[]}")
                        ? error(404, 2013, "No contact card exists for this phone number")
                        : answer;
            }
        },

        /**
         * An update replaces the card instead of merging into it: a nullable field the body leaves
         * out is cleared, as if it had been sent as {@code null}.
         */
        UPDATE_REPLACES_THE_CARD {
            @Override
            Incoming request(Incoming request) {
                return request.withUpdate(body -> {
                    for (String field : List.of("last_name", "image_url")) {
                        if (!body.has(field)) {
                            body.putNull(field);
                        }
                    }
                    return true;
                });
            }
        },

        /**
         * An update ignores an explicit {@code null}: the field it should clear is kept. Pact
         * cannot pin this (it tolerates keys an answer should not have); the verifier's generative
         * update check reads the card back and does.
         */
        IGNORES_NULL_ON_UPDATE {
            @Override
            Incoming request(Incoming request) {
                // Only a body that clears a field is rewritten: any other reaches the provider as sent.
                return request.withUpdate(body -> {
                    boolean cleared = false;
                    for (String field : List.of("last_name", "image_url")) {
                        if (body.has(field) && body.get(field).isNull()) {
                            body.remove(field);
                            cleared = true;
                        }
                    }
                    return cleared;
                });
            }
        },

        /** A read-only key may update, as if it were a read-write key of its partner. */
        READ_ONLY_KEY_MAY_UPDATE {
            @Override
            Incoming request(Incoming request) {
                return request.method().equals("PATCH")
                                && ("Bearer " + SandboxKeys.READ_ONLY).equals(request.authorization())
                        ? request.withAuthorization("Bearer " + SandboxKeys.READ_WRITE)
                        : request;
            }
        },

        /** A get of one number finds the card of any partner, not only the caller's. */
        SHOWS_OTHER_PARTNERS_CARDS {
            @Override
            ContactCardRepository repository(ContactCardRepository cards) {
                return new DelegatingRepository(cards) {
                    @Override
                    public Optional<ContactCardRecord> find(String partnerId, String phoneNumber) {
                        return cards.find(partnerId, phoneNumber)
                                .or(() -> cards.find(ReferenceProviderVerification.OTHER_PARTNER, phoneNumber));
                    }
                };
            }
        },

        /** The list of every card comes in descending phone-number order instead of ascending. */
        LISTS_IN_ANOTHER_ORDER {
            @Override
            ContactCardRepository repository(ContactCardRepository cards) {
                return new DelegatingRepository(cards) {
                    @Override
                    public List<ContactCardRecord> findAll(String partnerId) {
                        List<ContactCardRecord> all = new ArrayList<>(cards.findAll(partnerId));
                        Collections.reverse(all);
                        return all;
                    }

                    @Override
                    public void forEach(String partnerId, Consumer<ContactCardRecord> action) {
                        findAll(partnerId).forEach(action);
                    }
                };
            }
        },

        /** The phone-number rule narrowed to North America: anything but {@code +1...} is 1002. */
        NORTH_AMERICAN_NUMBERS_ONLY {
            @Override
            Optional<Answer> refuse(Incoming request) {
                String number = request.phoneNumberQuery();
                if (number == null && request.json() instanceof ObjectNode body && body.hasNonNull("phone_number")) {
                    number = body.get("phone_number").asText();
                }
                return number != null && number.startsWith("+") && !number.startsWith("+1")
                        ? Optional.of(error(400, 1002, "Phone number must be a North American number"))
                        : Optional.empty();
            }
        },

        /** The first name's maximum length narrowed from 100 to 50 characters. */
        FIRST_NAMES_OF_AT_MOST_50 {
            @Override
            Optional<Answer> refuse(Incoming request) {
                return request.json() instanceof ObjectNode body
                                && body.path("first_name").isTextual()
                                && body.get("first_name").asText().length() > 50
                        ? Optional.of(error(400, 1004, "first_name must be at most 50 characters"))
                        : Optional.empty();
            }
        };

        /** An answer given instead of the provider's, without the provider seeing the request. */
        Optional<Answer> refuse(Incoming request) {
            return Optional.empty();
        }

        /** The request the provider gets instead of the one that arrived. */
        Incoming request(Incoming request) {
            return request;
        }

        /** The answer sent instead of the provider's. */
        Answer answer(Incoming request, Answer answer) {
            return answer;
        }

        /** The repository the provider uses instead of its own. */
        ContactCardRepository repository(ContactCardRepository cards) {
            return cards;
        }
    }

    /** Every variant, installed in a provider; only the {@link #select selected} one acts. */
    @Configuration(proxyBeanMethods = false)
    static class Installed {

        @Bean
        FilterRegistrationBean<DriftFilter> driftFilter() {
            FilterRegistrationBean<DriftFilter> registration = new FilterRegistrationBean<>(new DriftFilter());
            // Ahead of the provider's own filters, so that a changed Authorization header is what it sees.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        static BeanPostProcessor driftingRepository() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof ContactCardRepository cards ? new SelectedRepository(cards) : bean;
                }
            };
        }
    }

    /** The request as a drift sees it; {@code json} is {@code null} when the body is not JSON. */
    record Incoming(String method, String phoneNumberQuery, String authorization, byte[] body, JsonNode json) {

        Incoming withBody(JsonNode newBody) {
            try {
                return new Incoming(method, phoneNumberQuery, authorization, JSON.writeValueAsBytes(newBody), newBody);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * An update whose JSON body {@code change} edits (a copy of it): the request as changed
         * when {@code change} says it changed something, else as it arrived.
         */
        Incoming withUpdate(java.util.function.Predicate<ObjectNode> change) {
            if (!method.equals("PATCH") || !(json instanceof ObjectNode body)) {
                return this;
            }
            ObjectNode changed = body.deepCopy();
            return change.test(changed) ? withBody(changed) : this;
        }

        Incoming withAuthorization(String newAuthorization) {
            return new Incoming(method, phoneNumberQuery, newAuthorization, body, json);
        }
    }

    record Answer(int status, String body) {
        Answer withBody(String newBody) {
            return new Answer(status, newBody);
        }
    }

    private static Answer error(int status, int code, String message) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.putObject("error").put("status", status).put("code", code).put("message", message);
        envelope.put("success", false);
        return new Answer(status, envelope.toString());
    }

    /** Applies the selected drift to each request and answer; passes everything through when none is. */
    static final class DriftFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Drift drift = selected;
            if (drift == null) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readAllBytes();
            Incoming incoming = drift.request(new Incoming(
                    request.getMethod(),
                    request.getParameter("phone_number"),
                    request.getHeader("Authorization"),
                    body,
                    json(body)));
            Optional<Answer> refused = drift.refuse(incoming);
            if (refused.isPresent()) {
                write(response, refused.get());
                return;
            }
            ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
            chain.doFilter(new Replayed(request, incoming), captured);
            write(
                    response,
                    drift.answer(
                            incoming,
                            new Answer(
                                    captured.getStatus(),
                                    new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8))));
        }

        private static JsonNode json(byte[] body) {
            try {
                return body.length == 0 ? null : JSON.readTree(body);
            } catch (IOException notJson) {
                return null;
            }
        }

        private static void write(HttpServletResponse response, Answer answer) throws IOException {
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            response.setStatus(answer.status());
            response.setContentType("application/json");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** The request with the drift's body and {@code Authorization} header. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final Incoming incoming;

        Replayed(HttpServletRequest request, Incoming incoming) {
            super(request);
            this.incoming = incoming;
        }

        @Override
        public String getHeader(String name) {
            return name.equalsIgnoreCase("Authorization") ? incoming.authorization() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!name.equalsIgnoreCase("Authorization")) {
                return super.getHeaders(name);
            }
            return incoming.authorization() == null
                    ? Collections.emptyEnumeration()
                    : Collections.enumeration(List.of(incoming.authorization()));
        }

        @Override
        public int getContentLength() {
            return incoming.body().length;
        }

        @Override
        public long getContentLengthLong() {
            return incoming.body().length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(incoming.body());
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    /** The provider's repository, as the selected drift changes it. */
    private static final class SelectedRepository extends DelegatingRepository {

        private final ContactCardRepository cards;

        SelectedRepository(ContactCardRepository cards) {
            super(cards);
            this.cards = cards;
        }

        private ContactCardRepository current() {
            Drift drift = selected;
            return drift == null ? cards : drift.repository(cards);
        }

        @Override
        public Optional<ContactCardRecord> find(String partnerId, String phoneNumber) {
            return current().find(partnerId, phoneNumber);
        }

        @Override
        public List<ContactCardRecord> findAll(String partnerId) {
            return current().findAll(partnerId);
        }

        @Override
        public void forEach(String partnerId, Consumer<ContactCardRecord> action) {
            current().forEach(partnerId, action);
        }
    }

    /** Every call passed on to {@code cards}; drifts override what they change. */
    private static class DelegatingRepository implements ContactCardRepository {

        private final ContactCardRepository cards;

        DelegatingRepository(ContactCardRepository cards) {
            this.cards = cards;
        }

        @Override
        public Optional<ContactCardRecord> find(String partnerId, String phoneNumber) {
            return cards.find(partnerId, phoneNumber);
        }

        @Override
        public List<ContactCardRecord> findAll(String partnerId) {
            return cards.findAll(partnerId);
        }

        @Override
        public Optional<ContactCardRecord> findForUpdate(String partnerId, String phoneNumber) {
            return cards.findForUpdate(partnerId, phoneNumber);
        }

        @Override
        public void forEach(String partnerId, Consumer<ContactCardRecord> action) {
            cards.forEach(partnerId, action);
        }

        @Override
        public boolean insert(ContactCardRecord card) {
            return cards.insert(card);
        }

        @Override
        public boolean replace(ContactCardRecord card, boolean expectedActive) {
            return cards.replace(card, expectedActive);
        }

        @Override
        public void save(ContactCardRecord card) {
            cards.save(card);
        }

        @Override
        public void deleteAll() {
            cards.deleteAll();
        }
    }
}
