package dev.contactcard.spec.evolution;

import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedMaxItems;
import org.openapitools.openapidiff.core.model.schema.ChangedMaxLength;
import org.openapitools.openapidiff.core.model.schema.ChangedMinItems;
import org.openapitools.openapidiff.core.model.schema.ChangedMinLength;
import org.openapitools.openapidiff.core.model.schema.ChangedNumericRange;

/**
 * Names, one line each, the backward-incompatible changes in an openapi-diff result.
 *
 * <p>openapi-diff decides what is incompatible; this class only walks its result and says
 * where and what, so that a failed build names the change instead of "Broken compatibility".
 * It adds exactly one rule of this project on top of openapi-diff 2.1: <b>removing a property
 * from a response is breaking</b>. openapi-diff 2.1 counts it as compatible (JSON readers ignore
 * a missing optional field), but our users call a generated client, in which the property's
 * getter would disappear, and read the value, which would silently stop coming; openapi-diff
 * 2.0 was strict about it too.
 */
final class BreakingChanges {

    private final List<String> found = new ArrayList<>();
    private final Set<Changed> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private BreakingChanges() {}

    /** The breaking changes of {@code diff}, in the order of the spec; empty when there are none. */
    static List<String> of(ChangedOpenApi diff) {
        BreakingChanges walk = new BreakingChanges();
        for (Endpoint missing : diff.getMissingEndpoints()) {
            walk.found.add(missing.getMethod() + " " + missing.getPathUrl() + ": operation removed");
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            walk.operation(operation);
        }
        if (walk.found.isEmpty() && diff.isIncompatible()) {
            walk.found.add("openapi-diff reports an incompatible change it does not locate; see the report");
        }
        return List.copyOf(walk.found);
    }

    private void operation(ChangedOperation op) {
        String where = op.getHttpMethod() + " " + op.getPathUrl();
        if (op.getParameters() != null) {
            parameters(where, op.getParameters());
        }
        if (op.getRequestBody() != null) {
            requestBody(where, op.getRequestBody());
        }
        if (op.getApiResponses() != null) {
            responses(where, op.getApiResponses());
        }
        if (op.getSecurityRequirements() != null && op.getSecurityRequirements().isIncompatible()) {
            found.add(where + ": security requirements changed incompatibly");
        }
        if (op.isCoreChanged().isIncompatible()) {
            found.add(where + ": operation changed incompatibly (" + coreOf(op) + ")");
        }
    }

    private void parameters(String where, ChangedParameters params) {
        for (Parameter p : params.getIncreased()) {
            if (Boolean.TRUE.equals(p.getRequired())) {
                found.add(where + ": new required " + p.getIn() + " parameter '" + p.getName() + "'");
            }
        }
        for (Parameter p : params.getMissing()) {
            found.add(where + ": " + p.getIn() + " parameter '" + p.getName() + "' removed");
        }
        for (ChangedParameter p : params.getChanged()) {
            String param = where + ": " + p.getIn() + " parameter '" + p.getName() + "'";
            if (p.isChangeRequired() && Boolean.TRUE.equals(p.getNewParameter().getRequired())) {
                found.add(param + " is now required");
            } else if (p.isCoreChanged().isIncompatible()) {
                found.add(param + " changed incompatibly (style, explode or allowEmptyValue)");
            }
            if (p.getSchema() != null) {
                schema(param, "", p.getSchema());
            }
            if (p.getContent() != null) {
                content(param, p.getContent());
            }
        }
    }

    private void requestBody(String where, ChangedRequestBody body) {
        String req = where + " request body";
        if (body.isChangeRequired()
                && Boolean.TRUE.equals(body.getNewRequestBody().getRequired())) {
            found.add(req + " is now required");
        }
        if (body.getContent() != null) {
            content(req, body.getContent());
        }
    }

    private void responses(String where, ChangedApiResponse responses) {
        for (String status : responses.getMissing().keySet()) {
            found.add(where + ": response " + status + " removed");
        }
        for (Map.Entry<String, ? extends ComposedChanged> e :
                responses.getChanged().entrySet()) {
            String resp = where + " response " + e.getKey();
            if (e.getValue().isCoreChanged().isIncompatible()) {
                found.add(resp + ": changed incompatibly (" + coreOf(e.getValue()) + ")");
            }
            for (Changed child : e.getValue().getChangedElements()) {
                if (child instanceof ChangedContent content) {
                    content(resp, content);
                } else if (child != null && child.isIncompatible()) {
                    found.add(resp + ": " + kindOf(child) + " changed incompatibly");
                }
            }
        }
    }

    private void content(String where, ChangedContent content) {
        for (String mediaType : content.getMissing().keySet()) {
            found.add(where + ": media type " + mediaType + " removed");
        }
        content.getChanged().forEach((mediaType, changed) -> {
            if (changed.getSchema() != null) {
                schema(where, "", changed.getSchema());
            }
        });
    }

    /** Names the incompatible parts of one schema, then walks its properties and items. */
    private void schema(String where, String path, ChangedSchema s) {
        if (s == null || !seen.add(s)) {
            return;
        }
        // A parameter's own schema reads "query parameter 'owner' pattern changed", a body's root
        // "... request body: type changed", a property "... request body: property 'name' ...".
        String at = path.isEmpty()
                ? (where.endsWith("'") ? where + " " : where + ": ")
                : where + ": property '" + path + "' ";
        String prefix = path.isEmpty() ? "" : path + ".";
        boolean request = s.getContext() != null && s.getContext().isRequest();
        boolean response = s.getContext() != null && s.getContext().isResponse();
        boolean named = false;

        if (s.isChangedType()) {
            found.add(at + "type changed from " + typeOf(s.getOldSchema()) + " to " + typeOf(s.getNewSchema()));
            named = true;
        }
        if (s.getRequired() != null && s.getRequired().isIncompatible()) {
            List<String> names =
                    request ? s.getRequired().getIncreased() : s.getRequired().getMissing();
            for (String name : names) {
                found.add(where + ": property '" + prefix + name + "' "
                        + (request ? "is now required in the request" : "is no longer required in the response"));
            }
            named = true;
        }
        if (s.getEnumeration() != null && s.getEnumeration().isIncompatible()) {
            String values = " (enum " + enumOf(s.getOldSchema()) + " → " + enumOf(s.getNewSchema()) + ")";
            if (request) {
                found.add(at + "enum value(s) removed: " + s.getEnumeration().getMissing() + values);
            } else {
                found.add(at + "enum value(s) added to a response: "
                        + s.getEnumeration().getIncreased() + values);
            }
            named = true;
        }
        named |= constraint(
                at, "maxLength", s.getMaxLength(), ChangedMaxLength::getOldValue, ChangedMaxLength::getNewValue);
        if (s.getMinLength() != null && s.getMinLength().isIncompatible()) {
            named |= constraint(
                    at, "minLength", s.getMinLength(), ChangedMinLength::getOldValue, ChangedMinLength::getNewValue);
        } else if (request && minLengthRaised(s)) {
            // openapi-diff 2.1 lets a raised minLength through; it refuses requests that were
            // valid, like a lowered maxLength, so this project counts it as breaking.
            found.add(at + "minLength changed: " + valueOf(s.getOldSchema().getMinLength()) + " → "
                    + valueOf(s.getNewSchema().getMinLength()));
            named = true;
        }
        named |=
                constraint(at, "maxItems", s.getMaxItems(), ChangedMaxItems::getOldValue, ChangedMaxItems::getNewValue);
        named |=
                constraint(at, "minItems", s.getMinItems(), ChangedMinItems::getOldValue, ChangedMinItems::getNewValue);
        named |= constraint(
                at, "pattern", s.getPattern(), c -> quoted(c.getOldPattern()), c -> quoted(c.getNewPattern()));
        if (s.getNumericRange() != null && s.getNumericRange().isIncompatible()) {
            numericRange(at, s.getNumericRange());
            named = true;
        }
        if (response) {
            for (String name : s.getMissingProperties().keySet()) {
                found.add(where + ": response property '" + prefix + name + "' removed");
            }
        }
        if (s.isCoreChanged().isIncompatible() && !named) {
            found.add(at + "schema changed incompatibly (" + constraintsOf(s) + ")");
        }
        s.getChangedProperties().forEach((name, child) -> schema(where, prefix + name, child));
        if (s.getItems() != null) {
            schema(where, path + "[]", s.getItems());
        }
        if (s.getAddProp() != null) {
            schema(where, path + "{*}", s.getAddProp());
        }
    }

    /**
     * Names an incompatible change of one constraint with its old and new value, for example
     * {@code property 'name' maxLength changed: 100 → 50}; {@code false} when there is none.
     */
    private <C extends Changed> boolean constraint(
            String at, String name, C changed, Function<C, Object> oldValue, Function<C, Object> newValue) {
        if (changed == null || !changed.isIncompatible()) {
            return false;
        }
        found.add(
                at + name + " changed: " + valueOf(oldValue.apply(changed)) + " → " + valueOf(newValue.apply(changed)));
        return true;
    }

    private void numericRange(String at, ChangedNumericRange range) {
        List<String> bounds = new ArrayList<>();
        bound(bounds, "minimum", range.getOldMinimumValue(), range.getNewMinimumValue());
        bound(bounds, "exclusiveMinimum", range.getOldMinimumExclusiveValue(), range.getNewMinimumExclusiveValue());
        bound(bounds, "maximum", range.getOldMaximumValue(), range.getNewMaximumValue());
        bound(bounds, "exclusiveMaximum", range.getOldMaximumExclusiveValue(), range.getNewMaximumExclusiveValue());
        if (bounds.isEmpty()) {
            bounds.add("numeric range changed incompatibly");
        }
        bounds.forEach(bound -> found.add(at + bound));
    }

    private static boolean minLengthRaised(ChangedSchema s) {
        if (s.getOldSchema() == null || s.getNewSchema() == null) {
            return false;
        }
        Integer before = s.getOldSchema().getMinLength();
        Integer after = s.getNewSchema().getMinLength();
        return after != null && after > (before == null ? 0 : before);
    }

    private static void bound(List<String> bounds, String name, Object oldValue, Object newValue) {
        if (!Objects.equals(comparable(oldValue), comparable(newValue))) {
            bounds.add(name + " changed: " + valueOf(oldValue) + " → " + valueOf(newValue));
        }
    }

    /** BigDecimal 10 and 10.0 are the same bound. */
    private static Object comparable(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros() : value;
    }

    private static String valueOf(Object value) {
        if (value == null) {
            return "(none)";
        }
        return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value.toString();
    }

    private static String quoted(String pattern) {
        return pattern == null ? null : "'" + pattern + "'";
    }

    private static String enumOf(io.swagger.v3.oas.models.media.Schema<?> schema) {
        return schema == null || schema.getEnum() == null
                ? "(none)"
                : schema.getEnum().toString();
    }

    private static String constraintsOf(ChangedSchema s) {
        List<String> parts = new ArrayList<>();
        add(parts, "maxLength", s.getMaxLength());
        add(parts, "minLength", s.getMinLength());
        add(parts, "numeric range", s.getNumericRange());
        add(parts, "pattern", s.getPattern());
        add(parts, "readOnly", s.getReadOnly());
        add(parts, "writeOnly", s.getWriteOnly());
        add(parts, "oneOf", s.getOneOfSchema());
        if (s.isDiscriminatorPropertyChanged()) {
            parts.add("discriminator");
        }
        if (s.getRequired() == null
                && !s.getIncreasedProperties().isEmpty()
                && s.getContext() != null
                && s.getContext().isRequest()) {
            parts.add("new properties " + s.getIncreasedProperties().keySet());
        }
        return parts.isEmpty() ? "see the report" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, Changed changed) {
        if (changed != null && changed.isIncompatible()) {
            parts.add(name);
        }
    }

    private static String coreOf(ComposedChanged changed) {
        return changed.getChangedElements().stream()
                .filter(c -> c != null && c.isIncompatible())
                .map(BreakingChanges::kindOf)
                .collect(Collectors.joining(", "));
    }

    private static String kindOf(Changed changed) {
        return changed.getClass().getSimpleName().replaceFirst("^Changed", "");
    }

    private static String typeOf(io.swagger.v3.oas.models.media.Schema<?> schema) {
        if (schema == null || schema.getType() == null) {
            return "(none)";
        }
        return schema.getFormat() == null ? schema.getType() : schema.getType() + "/" + schema.getFormat();
    }
}
