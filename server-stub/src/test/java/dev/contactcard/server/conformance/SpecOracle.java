package dev.contactcard.server.conformance;

import static dev.contactcard.server.support.SpecValidatingClient.BASE_PATH;
import static dev.contactcard.server.support.SpecValidatingClient.CARDS;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.contactcard.server.support.SpecValidatingClient;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The judge of the generative suite: the spec itself. A generated request is validated against the
 * spec's schemas by swagger-request-validator (whose JSON Schema validator runs each
 * {@code pattern} in a JavaScript engine, as JSON Schema prescribes), and every rule it breaks is
 * given the code of the spec's error-code table ({@link CodeTable}). The suite never lists which
 * answer a given input should get; it asks the spec.
 */
final class SpecOracle {

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(SpecValidatingClient.readSpec())
                    .withBasePathOverride(BASE_PATH)
                    .build();

    private SpecOracle() {}

    /** The rules of the spec that {@code request} breaks; empty when the spec allows it. */
    static List<BrokenRule> judge(GeneratedRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(request.method()), CARDS)
                .withAuthorization("Bearer valid-as-far-as-the-schema-knows");
        if (request.phoneNumber() != null) {
            builder.withQueryParam("phone_number", request.phoneNumber());
        }
        if (request.body() != null) {
            builder.withContentType("application/json").withBody(request.bodyJson());
        }
        List<BrokenRule> broken = new ArrayList<>();
        for (ValidationReport.Message message :
                VALIDATOR.validateRequest(builder.build()).getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                broken.add(classify(message, request));
            }
        }
        return List.copyOf(broken);
    }

    private static BrokenRule classify(ValidationReport.Message message, GeneratedRequest request) {
        String key = message.getKey();
        String keyword = key.substring(key.lastIndexOf('.') + 1);
        String field = message.getContext()
                .flatMap(ValidationReport.MessageContext::getParameter)
                .map(Parameter::getName)
                .orElseGet(() -> message.getContext()
                        .flatMap(ValidationReport.MessageContext::getPointers)
                        .map(ValidationReport.MessageContext.Pointers::getInstance)
                        .map(pointer -> pointer.startsWith("/") ? pointer.substring(1) : pointer)
                        .orElse(""));
        if (keyword.equals("required") || keyword.equals("missing")) {
            field = requiredFieldNamed(message, field);
        }
        boolean isNull = false;
        if (request.body() != null && !field.isEmpty() && keyword.equals("type")) {
            JsonNode value = request.body().get(field);
            isNull = value != null && value.isNull();
        }
        String rule = isNull ? "null" : keyword;
        return new BrokenRule(field, rule, CodeTable.codeFor(key, rule, field), message.getMessage());
    }

    /** A missing required property is reported on its object; its name is in the message. */
    private static String requiredFieldNamed(ValidationReport.Message message, String field) {
        for (String candidate : List.of("first_name", "phone_number", "last_name", "image_url")) {
            if (message.getMessage().contains("\"" + candidate + "\"")
                    || message.getMessage().contains("'" + candidate + "'")) {
                return candidate;
            }
        }
        return field.isEmpty() ? "(" + message.getKey() + ")" : field;
    }

    /** A rule of the spec a request breaks: the field, the schema keyword (or {@code null}), and its code. */
    record BrokenRule(String field, String rule, int code, String validatorMessage) {

        @Override
        public String toString() {
            return field + " breaks '" + rule + "' (code " + code + "): " + validatorMessage;
        }
    }
}
