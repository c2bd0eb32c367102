package dev.contactcard.contract.consumer;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.core.model.generators.Category;
import au.com.dius.pact.core.model.generators.Generator;
import au.com.dius.pact.core.model.generators.ProviderStateGenerator;
import au.com.dius.pact.core.model.generators.UuidFormat;
import au.com.dius.pact.core.model.generators.UuidGenerator;
import au.com.dius.pact.core.model.matchingrules.EqualsMatcher;
import dev.contactcard.contract.verifier.states.ProviderStates;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the consumers' pacts take their data from the provider states, so that a provider is
 * verified without being emptied first: the API key, the phone number and the hosted image URL an
 * interaction uses are the ones its states hand over (Pact's provider-state injected values,
 * {@code ${api_key}}, {@code ${phone_number}}, {@code ${image_url}}), and each create sends a new
 * {@code Idempotency-Key}. The consumer test runs on the example value; the provider verification
 * replaces it.
 *
 * <p>Pact matches an injected body value by type only; {@link #exactly} makes it match exactly,
 * so that an answer must hold the very number (or image) the state set up.
 */
public final class FromProviderState {

    private static final String BEARER = "^Bearer \\S+$";
    private static final String IDEMPOTENCY_KEY =
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    private FromProviderState() {}

    /** {@code Authorization: Bearer ${api_key}}: the key the interaction's key state hands over. */
    public static PactDslRequestWithPath authorization(PactDslRequestWithPath request, String exampleKey) {
        return request.matchHeader("Authorization", BEARER, "Bearer " + exampleKey)
                .headerFromProviderState(
                        "Authorization", "Bearer ${" + ProviderStates.API_KEY + "}", "Bearer " + exampleKey);
    }

    /** {@code ?phone_number=${phone_number}}: the number the interaction's card state hands over. */
    public static PactDslRequestWithPath phoneNumberQuery(PactDslRequestWithPath request, String example) {
        return request.matchQuery(ProviderStates.PHONE_NUMBER, Pattern.quote(example), example)
                .queryParameterFromProviderState(
                        ProviderStates.PHONE_NUMBER, "${" + ProviderStates.PHONE_NUMBER + "}", example);
    }

    /** A body field whose value the interaction's state hands over under the field's own name. */
    public static LambdaDslObject value(LambdaDslObject body, String field, String example) {
        return body.valueFromProviderState(field, "${" + field + "}", example);
    }

    /** An {@code Idempotency-Key} (a UUID) that provider verification replaces with a new one each time. */
    public static PactDslRequestWithPath newIdempotencyKey(PactDslRequestWithPath request, String example) {
        request.matchHeader("Idempotency-Key", IDEMPOTENCY_KEY, example);
        request.requestGenerators.addGenerator(
                Category.HEADER, "Idempotency-Key", new UuidGenerator(UuidFormat.LowerCaseHyphenated));
        return request;
    }

    /** Every body value of {@code body} taken from a provider state is matched exactly, not by type. */
    public static DslPart exactly(DslPart body) {
        Map<String, Generator> generators = body.getGenerators().categoryFor(Category.BODY);
        if (generators != null) {
            generators.forEach((path, generator) -> {
                if (generator instanceof ProviderStateGenerator) {
                    body.getMatchers().setRule(path, EqualsMatcher.INSTANCE);
                }
            });
        }
        return body;
    }
}
