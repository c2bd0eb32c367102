package dev.contactcard.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contactcard.client.internal.api.ContactCardApi;
import dev.contactcard.client.model.ContactCard;
import dev.contactcard.client.model.ContactCardList;
import dev.contactcard.client.model.CreateContactCardRequest;
import dev.contactcard.client.model.UpdateContactCardRequest;
import feign.ExceptionPropagationPolicy;
import feign.Feign;
import feign.FeignException;
import feign.Logger;
import feign.Request;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The client of the Contact Card API (Linq Partner API v3): set up, read and update the contact
 * card a phone number shows on the recipient's device.
 *
 * <pre>{@code
 * ContactCardClient client = ContactCardClient.fromEnv();   // LINQ_API_V3_API_KEY
 * ContactCard card = client.create(new CreateContactCardRequest()
 *     .phoneNumber("+15551234567").firstName("John").lastName("Doe"));
 * Optional<ContactCard> found = client.get("+15551234567");
 * ContactCard renamed = client.update("+15551234567",
 *     new UpdateContactCardRequest().lastName("Smith"));
 * }</pre>
 *
 * <p><b>Build one client and reuse it, and close it when done.</b> A client is thread-safe and
 * holds a pool of connections, so building one per request wastes connections and time; {@link
 * #close()} releases the pool (try-with-resources, or the shutdown of the application that owns
 * it). A closed client refuses every call.
 *
 * <h2>Configuration</h2>
 *
 * <table>
 *   <caption>Settings, where they come from, and their defaults</caption>
 *   <tr><th>Setting</th><th>Builder method</th><th>System property</th>
 *       <th>Environment variable</th><th>Default</th></tr>
 *   <tr><td>API key</td><td>{@link Builder#apiKey(String)}</td><td>{@code linq.apiKey}</td>
 *       <td>{@code LINQ_API_V3_API_KEY}</td><td>none: required</td></tr>
 *   <tr><td>Base URL</td><td>{@link Builder#baseUrl(String)}</td><td>{@code linq.baseUrl}</td>
 *       <td>{@code LINQ_API_V3_BASE_URL}</td><td>{@value #DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>Connect timeout</td><td>{@link Builder#connectTimeout(Duration)}</td><td>-</td>
 *       <td>-</td><td>10 s</td></tr>
 *   <tr><td>Read timeout</td><td>{@link Builder#readTimeout(Duration)}</td><td>-</td>
 *       <td>-</td><td>30 s</td></tr>
 *   <tr><td>Max retries</td><td>{@link Builder#maxRetries(int)}</td><td>-</td><td>-</td>
 *       <td>2</td></tr>
 *   <tr><td>Extra headers</td><td>{@link Builder#header(String, String)}</td><td>-</td>
 *       <td>-</td><td>none</td></tr>
 * </table>
 *
 * <p>{@link Builder#fromEnv()} (and so {@link #fromEnv()}) reads each setting from its system
 * property, else from its environment variable; a system property wins over the environment. A
 * builder method called after {@code fromEnv()} wins over both. A missing or blank API key fails
 * at {@link Builder#build()}.
 *
 * <h2>Errors and retries</h2>
 *
 * <p>Every method throws only unchecked {@link ContactCardException}s: a {@link
 * ContactCardServiceException} subclass per error status (with the API's error code, message,
 * headers and raw body), {@link ContactCardConnectionException}, {@link
 * ContactCardTimeoutException}, or {@link ContactCardInvalidDataException}. Connection failures,
 * timeouts, 408, 429 and 5xx answers are retried up to {@link Builder#maxRetries(int)} times with
 * exponential backoff (0.5 s doubling, at most 8 s, up to 25% jitter), honouring {@code
 * Retry-After} and {@code Retry-After-Ms} up to 8 s. Other errors, in particular 409, are never
 * retried.
 *
 * <h2>Logging</h2>
 *
 * <p>Requests and responses are logged through SLF4J at DEBUG on the logger {@code
 * dev.contactcard.client.ContactCardClient}, with the {@code Authorization} header redacted. Only
 * the key is redacted: DEBUG lines carry phone numbers and card data. Exception messages never
 * show the key, nor the query string of a failed call.
 */
public final class ContactCardClient implements AutoCloseable {

    /** The production API: {@value}. */
    public static final String DEFAULT_BASE_URL = "https://api.linqapp.com/api/partner";

    /** Environment variable of the API key. */
    public static final String API_KEY_ENV = "LINQ_API_V3_API_KEY";

    /** Environment variable of the base URL. */
    public static final String BASE_URL_ENV = "LINQ_API_V3_BASE_URL";

    /** System property of the API key; wins over {@value #API_KEY_ENV}. */
    public static final String API_KEY_PROPERTY = "linq.apiKey";

    /** System property of the base URL; wins over {@value #BASE_URL_ENV}. */
    public static final String BASE_URL_PROPERTY = "linq.baseUrl";

    /** The error code of a 409 to a create: the number already has an active card. */
    private static final int ACTIVE_CARD_EXISTS = 2014;

    private final ContactCardApi api;
    private final ApacheTransport transport;
    private final String baseUrl;
    private final int maxRetries;
    private volatile boolean closed;

    private ContactCardClient(Builder builder, String apiKey, String baseUrl) {
        this.baseUrl = baseUrl;
        this.maxRetries = builder.maxRetries;
        this.transport = new ApacheTransport(builder.connectTimeout, builder.readTimeout, builder.connectionListener);
        ObjectMapper objectMapper = objectMapper();
        this.api = Feign.builder()
                .client(new BodyDeadlineClient(transport))
                .options(new Request.Options(builder.connectTimeout, builder.readTimeout, false))
                .encoder(new JacksonEncoder(objectMapper))
                .decoder(new ContactCardDecoder(objectMapper))
                .errorDecoder(new ContactCardErrorDecoder(objectMapper))
                .retryer(new ContactCardRetryer(builder.maxRetries, builder.sleeper, builder.clock, builder.random))
                .exceptionPropagationPolicy(ExceptionPropagationPolicy.UNWRAP)
                .requestInterceptor(new ClientHeaders(apiKey, builder.headers))
                .logger(new RedactingLogger())
                .logLevel(Logger.Level.FULL)
                .target(ContactCardApi.class, baseUrl);
    }

    /** A builder with the defaults of the table above; nothing is read from the environment. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from system properties and environment variables only; the same as
     * {@code builder().fromEnv().build()}.
     *
     * @throws IllegalStateException if no API key is set
     */
    public static ContactCardClient fromEnv() {
        return builder().fromEnv().build();
    }

    /**
     * Sets up the contact card of a phone number ({@code POST /v3/contact_card}). Intended for the
     * initial, one-time setup; change an existing card with {@link #update}.
     *
     * <p><b>Safe to retry.</b> Each call sends a new random {@code Idempotency-Key} header and
     * sends the same key again on each of its retries, so a provider that honours it (the sandbox
     * does) answers a retry whose first attempt was stored with that first answer. When a retry
     * still gets 409 (code 2014) after an attempt whose outcome is unknown (a 5xx, a read timeout,
     * a connection that broke after the request was sent), the call reads the card back and
     * returns it if it holds what was sent ({@code phone_number}, {@code first_name}, {@code
     * last_name}, and an image exactly when one was sent: the API rehosts it, so its URL may
     * differ); only otherwise is it a {@link ConflictException}. A card that existed before the
     * call, with other values, is still a conflict.
     *
     * @param request the card; {@code phone_number} (E.164) and {@code first_name} are required
     * @return the stored card; {@link ContactCard#getIsActive()} tells whether it was applied to the
     *     device
     * @throws ConflictException if the number already has an active card that this call did not
     *     create (code 2014)
     * @throws BadRequestException if the request is invalid (codes 1001 to 1005)
     * @throws ContactCardException for any other failure
     */
    public ContactCard create(CreateContactCardRequest request) {
        Objects.requireNonNull(request, "request");
        return CreateCall.run(CreateCall::randomKey, create -> {
            try {
                // The key is a parameter of the generated call: Feign sends it on every attempt.
                return call(() -> api.createContactCard(request, create.idempotencyKey()));
            } catch (ConflictException conflict) {
                if (!create.hadAttemptOfUnknownOutcome() || conflict.errorCode().orElse(-1) != ACTIVE_CARD_EXISTS) {
                    throw conflict;
                }
                return readBack(request, conflict);
            }
        });
    }

    /**
     * After a 409 that may answer this call's own earlier attempt: the stored card if it holds what
     * was sent, else the conflict (with a failure to read the card back attached as suppressed).
     */
    private ContactCard readBack(CreateContactCardRequest sent, ConflictException conflict) {
        Optional<ContactCard> stored;
        try {
            stored = get(sent.getPhoneNumber());
        } catch (ContactCardException readFailure) {
            conflict.addSuppressed(readFailure);
            throw conflict;
        }
        if (stored.isPresent() && holdsWhatWasSent(stored.get(), sent)) {
            return stored.get();
        }
        throw conflict;
    }

    /** The image is compared by presence only: the API rehosts it, so its URL may change. */
    static boolean holdsWhatWasSent(ContactCard card, CreateContactCardRequest sent) {
        return Objects.equals(card.getPhoneNumber(), sent.getPhoneNumber())
                && Objects.equals(card.getFirstName(), sent.getFirstName())
                && Objects.equals(card.getLastName(), sent.getLastName())
                && (card.getImageUrl() == null) == (sent.getImageUrl() == null)
                && Boolean.TRUE.equals(card.getIsActive());
    }

    /**
     * Lists every contact card of the partner, active or not, ordered by phone number ({@code GET
     * /v3/contact_card}).
     *
     * @return the cards, unmodifiable; empty when the partner has none
     * @throws ContactCardException on failure
     */
    public List<ContactCard> list() {
        return List.copyOf(call(() -> api.getContactCards((String) null)).getContactCards());
    }

    /**
     * Returns the contact card of one phone number, active or not ({@code GET
     * /v3/contact_card?phone_number=...}).
     *
     * @param phoneNumber an E.164 phone number, for example {@code +15551234567}
     * @return the card, or empty when the number has none
     * @throws BadRequestException if the number is not E.164 (code 1002)
     * @throws ContactCardException for any other failure
     */
    public Optional<ContactCard> get(String phoneNumber) {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        ContactCardList cards = call(() -> api.getContactCards(phoneNumber));
        return cards.getContactCards().stream().findFirst();
    }

    /**
     * Updates the active contact card of a phone number ({@code PATCH
     * /v3/contact_card?phone_number=...}), with merge semantics: only the fields set on {@code
     * request} are sent and change; the others keep their values. To clear {@code last_name} or
     * {@code image_url}, set it to {@code null} explicitly ({@code lastName(null)}); an unset field
     * is not sent at all.
     *
     * @param phoneNumber the E.164 phone number of the card
     * @param request the fields to change
     * @return the card after the update
     * @throws NotFoundException if the number has no active card (code 2013)
     * @throws BadRequestException if the request is invalid
     * @throws ContactCardException for any other failure
     */
    public ContactCard update(String phoneNumber, UpdateContactCardRequest request) {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(request, "request");
        return call(() -> api.updateContactCard(phoneNumber, request));
    }

    /** The base URL this client calls. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String toString() {
        return "ContactCardClient{baseUrl=" + baseUrl + ", maxRetries=" + maxRetries + "}";
    }

    /**
     * Runs one generated call. Errors already arrive as {@link ContactCardException}s (error
     * decoder and retryer); this only unwraps Feign's wrapper around a decoding failure, reports a
     * request that could not be encoded (nothing was sent), and translates a body that broke off
     * while being read.
     */
    /**
     * Releases the client's connections. Idempotent; any call after it fails with {@link
     * IllegalStateException}. Calls still running when it is called may fail.
     */
    @Override
    public void close() {
        closed = true;
        transport.close();
    }

    private <T> T call(Supplier<T> call) {
        if (closed) {
            throw new IllegalStateException("This ContactCardClient is closed: build a new one");
        }
        try {
            return call.get();
        } catch (EncodeException e) {
            throw new ContactCardException(
                    "Could not encode the request body as JSON, so nothing was sent: " + e.getMessage(), e);
        } catch (DecodeException e) {
            if (e.getCause() instanceof ContactCardInvalidDataException) {
                throw (ContactCardInvalidDataException) e.getCause();
            }
            throw new ContactCardInvalidDataException("Could not read the response: " + e.getMessage(), e);
        } catch (FeignException e) {
            throw TransportFailures.translate(e.getCause() == null ? e : e.getCause(), e.request());
        }
    }

    /**
     * Jackson as the client needs it: unset fields are not sent ({@code NON_NULL}), an explicit
     * {@code JsonNullable.of(null)} is sent as {@code null}, unknown response fields are ignored.
     */
    static ObjectMapper objectMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.registerModule(new JsonNullableModule());
        return mapper;
    }

    /**
     * Builds a {@link ContactCardClient}. Not thread-safe; {@link #build()} may be called more than
     * once. See the table in {@link ContactCardClient} for every setting.
     */
    public static final class Builder {

        private String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int maxRetries = 2;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = ContactCardRetryer.defaultRandom();
        private Runnable connectionListener = () -> {};

        private Builder() {}

        /**
         * Reads the API key and the base URL from the system properties {@value
         * ContactCardClient#API_KEY_PROPERTY} and {@value ContactCardClient#BASE_URL_PROPERTY}, else
         * from the environment variables {@value ContactCardClient#API_KEY_ENV} and {@value
         * ContactCardClient#BASE_URL_ENV}. A setting found in neither keeps its current value.
         */
        public Builder fromEnv() {
            return fromEnv(System::getProperty, System::getenv);
        }

        /** {@link #fromEnv()} with the lookups injected, for tests. */
        Builder fromEnv(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
            firstNonBlank(systemProperties.apply(API_KEY_PROPERTY), environment.apply(API_KEY_ENV))
                    .ifPresent(this::apiKey);
            firstNonBlank(systemProperties.apply(BASE_URL_PROPERTY), environment.apply(BASE_URL_ENV))
                    .ifPresent(this::baseUrl);
            return this;
        }

        /** The API key, sent as {@code Authorization: Bearer <key>}. Required. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The base URL, up to but without {@code /v3/contact_card}; default {@value
         * ContactCardClient#DEFAULT_BASE_URL}. The local sandbox is {@code
         * http://localhost:8080/api/partner}.
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** How long to wait for a connection; default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How long each attempt of a request waits for the response headers, and then again for the
         * whole response body; default 30 s. A server that stalls in either is a {@link
         * ContactCardTimeoutException} (retried like any timeout).
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = positive(readTimeout, "readTimeout");
            return this;
        }

        /**
         * How many times a failed request is retried (connection errors, timeouts, 408, 429, 5xx);
         * default 2, so at most 3 attempts. {@code 0} disables retries.
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * A header sent with every request, replacing any earlier value of that header (including
         * the default {@code User-Agent}). The key is set with {@link #apiKey(String)}, not here.
         *
         * @throws IllegalArgumentException for {@code Authorization} and {@code Idempotency-Key}
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.equalsIgnoreCase("Authorization")) {
                throw new IllegalArgumentException("Set the API key with apiKey(...), not as a header");
            }
            if (name.equalsIgnoreCase(CreateCall.IDEMPOTENCY_KEY)) {
                throw new IllegalArgumentException(
                        "The client sends a new Idempotency-Key with each create call by itself; one key for"
                                + " every request would make different creates look like retries of one");
            }
            headers.remove(name); // so the name is sent as last spelled
            headers.put(name, value);
            return this;
        }

        /** {@link #header(String, String)} for each entry. */
        public Builder headers(Map<String, String> headers) {
            headers.forEach(this::header);
            return this;
        }

        /** Replaces the real sleep between retries, for tests. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The clock that {@code Retry-After} HTTP dates are compared with, for tests. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of jitter, a value in [0, 1), for tests. */
        Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Told each time the transport opens a connection, for tests that count attempts. */
        Builder connectionListener(Runnable connectionListener) {
            this.connectionListener = Objects.requireNonNull(connectionListener, "connectionListener");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException if no API key is set
         * @throws IllegalArgumentException if the API key holds a space, a control or a non-ASCII
         *     character (its message never shows the key), or if the base URL is not an absolute
         *     http(s) URL
         */
        public ContactCardClient build() {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalStateException(
                        "No API key for the Contact Card client: call apiKey(...) on the builder, or set the"
                                + " system property "
                                + API_KEY_PROPERTY
                                + " or the environment variable "
                                + API_KEY_ENV
                                + " and use fromEnv()");
            }
            String key = apiKey.strip();
            if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                // The JDK would refuse the header at the first call, quoting the key in its message.
                throw new IllegalArgumentException(
                        "The API key must be printable ASCII without spaces or line breaks (check how it was"
                                + " copied into the environment); the key is not shown here");
            }
            return new ContactCardClient(this, key, normalize(baseUrl));
        }

        private static String normalize(String baseUrl) {
            String url = baseUrl.strip();
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw new IllegalArgumentException(
                            "baseUrl must be an absolute http or https URL, was '" + baseUrl + "'");
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: '" + baseUrl + "'", e);
            }
            return url;
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
            return duration;
        }

        private static Optional<String> firstNonBlank(String first, String second) {
            if (first != null && !first.isBlank()) {
                return Optional.of(first);
            }
            return second != null && !second.isBlank() ? Optional.of(second) : Optional.empty();
        }

        @Override
        public String toString() {
            return "ContactCardClient.Builder{baseUrl=" + baseUrl + ", apiKey="
                    + (apiKey == null ? "unset" : "<redacted>") + "}";
        }
    }
}
