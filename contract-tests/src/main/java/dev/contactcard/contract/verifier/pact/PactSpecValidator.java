package dev.contactcard.contract.verifier.pact;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.contactcard.contract.verifier.Spec;
import dev.contactcard.spec.ContactCardSpec;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks every interaction of a pact against the OpenAPI spec with swagger-request-validator.
 *
 * <p>swagger-request-validator's own {@code PactProviderValidator} (2.44.1) breaks on Pact JVM 4.7
 * ({@code NoSuchMethodError ... getPactFileAuthentication}), so the pact is read with Pact's own
 * reader and each interaction is validated with {@link OpenApiInteractionValidator}.
 *
 * <p>The response of every interaction must be one the spec allows. What the request must be
 * depends on the outcome the pact records:
 *
 * <ul>
 *   <li>{@code 400} and {@code 415}: the request must break the spec too, or the pact records a
 *       rejection the spec says should not happen;
 *   <li>{@code 401}: the request must conform, apart from its credentials;
 *   <li>any other status: the request must conform.
 * </ul>
 *
 * <p>Each finding names the pact file, the interaction, its provider states and the rule broken.
 */
public final class PactSpecValidator {

    private static final String SECURITY_KEY_PREFIX = "validation.request.security";

    private final OpenApiInteractionValidator validator;

    private PactSpecValidator(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** A validator for the spec in the contact-card-api-spec jar on the classpath. */
    public static PactSpecValidator forContactCardSpec() {
        return new PactSpecValidator(OpenApiInteractionValidator.createForInlineApiSpecification(ContactCardSpec.text())
                .build());
    }

    /** Every finding for every interaction of the pact file; empty when the pact conforms. */
    public List<String> validate(File pactFile) {
        Pact pact = DefaultPactReader.INSTANCE.loadPact(pactFile);
        List<String> findings = new ArrayList<>();
        if (pact.getInteractions().isEmpty()) {
            findings.add(pactFile.getName() + ": the pact has no interaction");
        }
        for (Interaction interaction : pact.getInteractions()) {
            String where = pactFile.getName() + ": '" + interaction.getDescription() + "'" + states(interaction);
            if (!interaction.isSynchronousRequestResponse()) {
                findings.add(where + ": not an HTTP request/response interaction, which the spec cannot describe");
                continue;
            }
            findings.addAll(validate(
                    where,
                    interaction.asSynchronousRequestResponse().getRequest(),
                    interaction.asSynchronousRequestResponse().getResponse()));
        }
        return findings;
    }

    private List<String> validate(String where, IRequest pactRequest, IResponse pactResponse) {
        List<String> findings = new ArrayList<>();
        Request request = toRequest(pactRequest);
        int status = pactResponse.getStatus();

        ValidationReport responseReport =
                validator.validateResponse(request.getPath(), request.getMethod(), toResponse(pactResponse));
        errors(responseReport)
                .forEach(message -> findings.add(where + ": response " + status + ": " + describe(message)));

        List<ValidationReport.Message> requestErrors = errors(validator.validateRequest(request));
        if (status == 400 || status == 415) {
            if (requestErrors.isEmpty()) {
                findings.add(where + ": request: the pact expects " + status
                        + " but the spec accepts this request, so a conforming provider would not reject it");
            }
        } else {
            requestErrors.stream()
                    .filter(message -> status != 401 || !message.getKey().startsWith(SECURITY_KEY_PREFIX))
                    .forEach(message -> findings.add(where + ": request: " + describe(message)));
        }
        return findings;
    }

    private static Request toRequest(IRequest pact) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(pact.getMethod(), pact.getPath());
        pact.getQuery().forEach(builder::withQueryParam);
        pact.getHeaders().forEach(builder::withHeader);
        body(pact.getBody()).ifPresent(builder::withBody);
        return builder.build();
    }

    private static SimpleResponse toResponse(IResponse pact) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(pact.getStatus());
        pact.getHeaders().forEach(builder::withHeader);
        body(pact.getBody()).ifPresent(builder::withBody);
        return builder.build();
    }

    private static Optional<String> body(OptionalBody body) {
        return body.isPresent() ? Optional.of(body.valueAsString()) : Optional.empty();
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return Spec.errors(report);
    }

    private static String describe(ValidationReport.Message message) {
        return Spec.describe(message);
    }

    private static String states(Interaction interaction) {
        List<ProviderState> states = interaction.getProviderStates();
        if (states.isEmpty()) {
            return "";
        }
        return states.stream()
                .map(state -> state.getName() + (state.getParams().isEmpty() ? "" : " " + state.getParams()))
                .collect(Collectors.joining("; ", " (given ", ")"));
    }
}
