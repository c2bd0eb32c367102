package dev.contactcard.contract.verifier.generative;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.contactcard.contract.verifier.Spec;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The judge of the generative checks: the spec itself. A generated request is validated against
 * the spec's schemas by swagger-request-validator (whose JSON Schema validator runs each
 * {@code pattern} in a JavaScript engine, as JSON Schema prescribes), and every rule it breaks is
 * given the code of the spec's error-code table ({@link CodeTable}). The checks never list which
 * answer a given input should get; they ask the spec.
 */
final class SpecOracle {

    private final Spec spec;

    SpecOracle(Spec spec) {
        this.spec = spec;
    }

    /** The rules of the spec that {@code request} breaks; empty when the spec allows it. */
    List<BrokenRule> judge(GeneratedRequest request) {
        List<BrokenRule> broken = new ArrayList<>();
        for (ValidationReport.Message message :
                spec.requestErrors(request.method(), request.phoneNumber(), request.headers(), request.bodyJson())) {
            broken.add(classify(message, request));
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
            return field + " breaks '" + rule + "' (code " + code + ")";
        }
    }
}
