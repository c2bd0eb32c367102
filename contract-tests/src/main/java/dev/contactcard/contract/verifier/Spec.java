package dev.contactcard.contract.verifier;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.contactcard.spec.ContactCardSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Contact Card spec the verifier carries (from the {@code contact-card-api-spec} jar of its
 * own version), as its judge: which answers the spec allows, which requests it accepts, and which
 * statuses each operation documents.
 *
 * <p>swagger-request-validator treats every object schema without {@code additionalProperties} as
 * closed, so an answer with a field the spec does not document breaks it: the strict-provider half
 * of the policy on undocumented response fields.
 */
public final class Spec {

    /** The path prefix the validator is told is the base path; requests are validated under it. */
    private static final String VALIDATION_BASE = "/api/partner";

    private static final Spec CONTACT_CARD = new Spec(ContactCardSpec.text());

    private final OpenApiInteractionValidator validator;
    private final OpenAPI model;

    private Spec(String text) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
                .withBasePathOverride(VALIDATION_BASE)
                .build();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        this.model = new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
    }

    /** The spec of this verifier's version. */
    public static Spec contactCard() {
        return CONTACT_CARD;
    }

    /** The spec's {@code info.version}. */
    public String version() {
        return model.getInfo().getVersion();
    }

    /** The parsed spec, every reference resolved. */
    public OpenAPI model() {
        return model;
    }

    /** Every rule of the spec the answer to {@code method} on the operation's path breaks; empty when allowed. */
    public List<String> responseFindings(String method, int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        headers.forEach(response::withHeader);
        ValidationReport report = validator.validateResponse(
                VALIDATION_BASE + ProviderApi.OPERATION_PATH,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                response.build());
        return errors(report).stream().map(Spec::describe).toList();
    }

    /**
     * Every rule of the spec the request breaks, apart from its credentials (the verifier sends a
     * key the spec cannot judge).
     *
     * @param phoneNumber the decoded {@code phone_number} query value, or {@code null} for none
     */
    public List<ValidationReport.Message> requestErrors(
            String method, String phoneNumber, Map<String, String> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(
                        Request.Method.valueOf(method), VALIDATION_BASE + ProviderApi.OPERATION_PATH)
                .withAuthorization("Bearer valid-as-far-as-the-schema-knows");
        if (phoneNumber != null) {
            request.withQueryParam("phone_number", phoneNumber);
        }
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Authorization")) {
                request.withHeader(name, value);
            }
        });
        if (body != null) {
            request.withContentType("application/json").withBody(body);
        }
        return errors(validator.validateRequest(request.build()));
    }

    /** The documented statuses of each operation, e.g. {@code POST -> [200, 400, 401, ...]}, in the spec's order of operations. */
    public Map<String, List<Integer>> documentedStatuses() {
        Map<String, List<Integer>> statuses = new LinkedHashMap<>();
        for (Map.Entry<String, PathItem> path : model.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().readOperationsMap().entrySet()) {
                TreeSet<Integer> codes = new TreeSet<>();
                operation.getValue().getResponses().keySet().forEach(code -> codes.add(Integer.parseInt(code)));
                statuses.put(operation.getKey().name(), new ArrayList<>(codes));
            }
        }
        return statuses;
    }

    /** The messages of a report that are errors (its warnings and infos are not rules broken). */
    public static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .toList();
    }

    /** A message on one line: the validator's rule key, then what it says. */
    public static String describe(ValidationReport.Message message) {
        return message.getKey() + ": " + message.getMessage().replace('\n', ' ');
    }
}
