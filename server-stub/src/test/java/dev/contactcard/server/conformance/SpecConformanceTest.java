package dev.contactcard.server.conformance;

import static dev.contactcard.server.auth.SandboxKeys.PARTNER;
import static dev.contactcard.server.auth.SandboxKeys.READ_ONLY;
import static dev.contactcard.server.auth.SandboxKeys.READ_WRITE;
import static dev.contactcard.server.support.SpecValidatingClient.CARDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.contactcard.server.card.ContactCardRecord;
import dev.contactcard.server.conformance.SpecOracle.BrokenRule;
import dev.contactcard.server.support.ApiTest;
import dev.contactcard.server.support.RawHttp;
import dev.contactcard.server.support.SpecValidatingClient;
import dev.contactcard.server.support.SpecValidatingClient.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generative conformance: the provider is checked on requests generated from the spec's schemas
 * ({@link Inputs}), and each answer is judged by the spec itself ({@link SpecOracle}): a request
 * the schema allows must be answered 200, one that breaks a rule 400 with the code the spec's table
 * gives that rule, and every answer must be one the spec allows ({@link SpecValidatingClient}).
 * Real HTTP on loopback against the provider of {@link ApiTest}'s shared Spring context.
 *
 * <p>Bounded and reproducible: {@code conformance.tries} examples per property (default 100) from
 * the fixed seed {@code conformance.seed} (default in server-stub/pom.xml; {@code random} for a new
 * one each run). A failure names the seed and the smallest request QuickTheories shrank it to.
 * Longer runs: {@code ./mvnw -B -pl server-stub -am verify -Dtest=SpecConformanceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dconformance.tries=5000 -Dconformance.seed=random}.
 */
@DisplayName("Generative conformance to the spec")
class SpecConformanceTest extends ApiTest {

    private static final int TRIES = Integer.getInteger("conformance.tries", 100);
    private static final String SEED = System.getProperty("conformance.seed", "20261202");

    @Test
    void everyCreateTheSchemaAllowsIsAnswered200AndEveryOtherWithTheCodeOfTheRuleItBreaks() {
        check(Inputs.bodiesOf("POST").map(body -> new GeneratedRequest("POST", null, body)), request -> {
            Answer answer = send(request, READ_WRITE);
            judge(request, answer);
            if (answer.status() == 200) {
                assertThat(answer.json().path("first_name").asString())
                        .as("the created card has the first name sent")
                        .isEqualTo(request.body().path("first_name").asString());
            }
        });
    }

    @Test
    void everyUpdateTheSchemaAllowsIsAnswered200AndEveryOtherWithTheCodeOfTheRuleItBreaks() {
        Gen<GeneratedRequest> updates = Inputs.phoneNumbers()
                .zip(Inputs.bodiesOf("PATCH"), (phone, body) -> new GeneratedRequest("PATCH", phone, body));
        check(updates, request -> {
            // An active card for a number the spec accepts, so that its only state-dependent answer (404) is out.
            if (SpecOracle.judge(request).stream()
                    .noneMatch(rule -> rule.field().equals("phone_number"))) {
                repository.save(ContactCardRecord.of(PARTNER, request.phoneNumber(), "Old", "Name", null, true));
            }
            judge(request, send(request, READ_WRITE));
        });
    }

    @Test
    void everyGetTheSchemaAllowsIsAnswered200AndEveryOtherWithTheCodeOfTheRuleItBreaks() {
        Gen<GeneratedRequest> gets = Generate.frequency(
                        Pair.of(6, Inputs.phoneNumbers()), Pair.of(1, Generate.constant((String) null)))
                .map(phone -> new GeneratedRequest("GET", phone, null));
        check(gets, request -> judge(request, send(request, READ_ONLY)));
    }

    @Test
    void withoutAValidKeyEveryRequestIsAnswered401AndAReadOnlyKeyMayNotWrite() {
        Gen<GeneratedRequest> requests = Generate.oneOf(
                Inputs.bodiesOf("POST").map(body -> new GeneratedRequest("POST", null, body)),
                Inputs.phoneNumbers()
                        .zip(Inputs.bodiesOf("PATCH"), (phone, body) -> new GeneratedRequest("PATCH", phone, body)),
                Inputs.phoneNumbers().map(phone -> new GeneratedRequest("GET", phone, null)));
        Gen<String> authorizations = Generate.pick(List.of(
                "", "Bearer unknown-key", "Bearer ", "Basic c2FuZGJveC1ydy1rZXk6", "bearer", "Bearer " + READ_ONLY));
        qt().withFixedSeed(seed())
                .withExamples(TRIES)
                .withShrinkCycles(SHRINK_CYCLES)
                .forAll(requests, authorizations)
                .checkAssert((request, authorization) -> {
                    reset();
                    Map<String, String> headers = new LinkedHashMap<>();
                    if (!authorization.isEmpty()) {
                        headers.put("Authorization", authorization);
                    }
                    boolean readOnly = authorization.equals("Bearer " + READ_ONLY);
                    if (readOnly && request.method().equals("GET")) {
                        return; // a read-only key may read: the GET property judges those
                    }
                    Answer answer = sendWith(request, headers);
                    int status = readOnly ? 403 : 401;
                    int code = readOnly ? 2005 : 2004;
                    assertThat(answer.status() + "/" + answer.errorCode())
                            .as("%s with Authorization '%s' answered %s", request, authorization, answer.body())
                            .isEqualTo(status + "/" + code);
                    assertThat(repository.findAll(PARTNER)).isEmpty();
                });
    }

    @Test
    void aQueryThatIsNotPercentEncodedUtf8IsAMalformedRequest() {
        Gen<String> rawValues = Generate.frequency(
                Pair.of(3, Inputs.phoneNumbers().map(phone -> URLEncoder.encode(phone, StandardCharsets.UTF_8))),
                Pair.of(
                        2,
                        Generate.pick(List.of("%ZZ", "%", "%2", "%FF", "%C3", "%E2%82", "%ED%A0%80", "%C0%AF"))
                                .zip(
                                        Inputs.phoneNumbers(),
                                        (bad, phone) -> URLEncoder.encode(phone, StandardCharsets.UTF_8) + bad)));
        Gen<String> parameters = Generate.pick(List.of("phone_number", "other"));
        qt().withFixedSeed(seed())
                .withExamples(TRIES)
                .withShrinkCycles(SHRINK_CYCLES)
                .forAll(rawValues, parameters)
                .checkAssert((raw, parameter) -> {
                    reset();
                    RawHttp.Answer answer = RawHttp.send(
                            port,
                            "GET " + CARDS + "?" + parameter + "=" + raw + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Authorization: Bearer " + READ_ONLY + "\r\nConnection: close\r\n\r\n");
                    String decoded = PercentEncoding.decodeStrictly(raw);
                    if (decoded == null) {
                        assertThat(answer.status() + "/" + answer.errorCode())
                                .as(
                                        "%s=%s is not percent-encoded UTF-8 (table: 1001), answered %s",
                                        parameter, raw, answer.body())
                                .isEqualTo("400/1001");
                    } else if (parameter.equals("phone_number")) {
                        GeneratedRequest request = new GeneratedRequest("GET", decoded, null);
                        judge(request, new Exchange(answer.status(), answer.body(), answer.errorCode()));
                    }
                    assertThat(SpecValidatingClient.validate(
                                            CARDS, "GET", answer.status(), answer.headers(), answer.body())
                                    .getMessages())
                            .as("the answer to GET ?%s=%s conforms to the spec: %s", parameter, raw, answer.body())
                            .isEmpty();
                });
    }

    // ---------------------------------------------------------------------------------------------

    /** Shrinking sends a request per step: enough to reach a small example, bounded in time. */
    private static final int SHRINK_CYCLES = 400;

    private interface Check {
        void accept(GeneratedRequest request) throws Exception;
    }

    private void check(Gen<GeneratedRequest> requests, Check check) {
        qt().withFixedSeed(seed())
                .withExamples(TRIES)
                .withShrinkCycles(SHRINK_CYCLES)
                .forAll(requests.describedAs(GeneratedRequest::toString))
                .checkAssert(request -> {
                    reset();
                    try {
                        check.accept(request);
                    } catch (RuntimeException | Error ex) {
                        throw ex;
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                });
    }

    /** The spec's verdict on a request, and whether the provider's answer honours it. */
    private static void judge(GeneratedRequest request, Answer answer) {
        judge(request, new Exchange(answer.status(), answer.body(), errorCodeOf(answer)));
    }

    private static void judge(GeneratedRequest request, Exchange answer) {
        verdict(request, SpecOracle.judge(request), answer);
    }

    private static int errorCodeOf(Answer answer) {
        return answer.status() == 200 ? 0 : answer.errorCode();
    }

    private static void verdict(GeneratedRequest request, List<BrokenRule> broken, Exchange answer) {
        if (broken.isEmpty()) {
            assertThat(answer.status())
                    .as("the spec allows %s, but the provider answered %s %s", request, answer.status(), answer.body())
                    .isEqualTo(200);
            return;
        }
        Set<Integer> codes = broken.stream().map(BrokenRule::code).collect(Collectors.toSet());
        assertThat(answer.status() == 400 && codes.contains(answer.code()))
                .as(
                        "the spec refuses %s because %s, so 400 with code %s, but the provider answered %s %s",
                        request,
                        broken,
                        codes.size() == 1 ? codes.iterator().next() : "one of " + codes,
                        answer.status(),
                        answer.body())
                .isTrue();
    }

    private record Exchange(int status, String body, int code) {}

    private Answer send(GeneratedRequest request, String key) {
        return sendWith(request, SpecValidatingClient.headers(key, request.body() == null ? null : "application/json"));
    }

    private Answer sendWith(GeneratedRequest request, Map<String, String> headers) {
        if (request.body() != null) {
            headers.put("Content-Type", "application/json");
        }
        String query = request.phoneNumber() == null
                ? ""
                : "?phone_number=" + URLEncoder.encode(request.phoneNumber(), StandardCharsets.UTF_8);
        return api.send(request.method(), CARDS + query, request.bodyJson(), headers);
    }

    private void reset() {
        repository.deleteAll();
        cdn.clear();
    }

    private static long seed() {
        return SEED.equals("random") ? System.nanoTime() : Long.parseLong(SEED);
    }
}
