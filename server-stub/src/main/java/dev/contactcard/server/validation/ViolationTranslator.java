package dev.contactcard.server.validation;

import dev.contactcard.server.error.ApiException;
import dev.contactcard.server.error.ErrorCode;
import dev.contactcard.server.error.FailureTranslator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a broken rule of a request becomes one of the spec's codes (1001 to 1005), for
 * {@code error.ErrorBoundary}: every failed constraint of a body (the generated annotations plus
 * those {@link ValidationConfiguration} adds) or of a query parameter is classified by its
 * annotation type and field, and the lowest code among them is answered.
 */
@Component
class ViolationTranslator implements FailureTranslator {

    /**
     * What a failed {@code pattern} of the spec means, by field: each field's pattern carries a
     * different rule of the error-code table ({@code first_name}'s pattern is "not blank").
     */
    private static final Map<String, ErrorCode> PATTERN_CODES = Map.of(
            "phone_number", ErrorCode.INVALID_PHONE_NUMBER,
            "first_name", ErrorCode.REQUIRED_FIELD,
            "image_url", ErrorCode.INVALID_IMAGE_URL);

    /**
     * A request that fails the spec's constraints. The generated interface is not
     * {@code @Validated}: Spring MVC validates each handler's parameters itself, and since every
     * operation has a constrained parameter, a {@code @Valid} body is validated in the same pass
     * as the query parameters and headers ({@link MethodValidationResult}, raised as
     * {@code HandlerMethodValidationException}).
     */
    @Override
    public Optional<ApiException> translate(Exception failure) {
        if (failure instanceof MethodValidationResult invalidParameters) {
            return Optional.of(first(invalidParameters.getParameterValidationResults().stream()
                    .flatMap(ViolationTranslator::violations)));
        }
        return Optional.empty();
    }

    /** The constraint violations behind one parameter's errors (a body's fields, or a parameter's value). */
    private static Stream<ConstraintViolation<?>> violations(ParameterValidationResult parameter) {
        return parameter.getResolvableErrors().stream()
                .<ConstraintViolation<?>>map(error -> {
                    try {
                        return parameter.unwrap(error, ConstraintViolation.class);
                    } catch (IllegalArgumentException notAViolation) {
                        return null;
                    }
                })
                .filter(Objects::nonNull);
    }

    /**
     * When a request breaks several rules, the lowest code is answered (1001 before 1002 before 1003
     * before 1004 before 1005): every rule of the body is checked in one validation pass.
     */
    private static ApiException first(Stream<? extends ConstraintViolation<?>> violations) {
        Violation first = violations
                .map(ViolationTranslator::classify)
                .min(Comparator.comparingInt((Violation v) -> v.code().code()).thenComparing(Violation::message))
                .orElse(new Violation(ErrorCode.MALFORMED_REQUEST, ErrorCode.MALFORMED_REQUEST.defaultMessage()));
        return new ApiException(first.code(), first.message());
    }

    /** One failed constraint, as a code of the spec's table and a message naming the field. */
    record Violation(ErrorCode code, String message) {}

    static Violation classify(ConstraintViolation<?> violation) {
        String name = jsonName(violation.getPropertyPath());
        Class<? extends Annotation> constraint =
                violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (constraint == Size.class && !"".equals(violation.getInvalidValue())) {
            // An empty string fails minLength: 1, which the table calls blank (1003); anything else is too long.
            Object max = violation.getConstraintDescriptor().getAttributes().get("max");
            return new Violation(ErrorCode.FIELD_TOO_LONG, name + " must be at most " + max + " characters");
        }
        if (isRequiredParameterSentEmpty(violation)) {
            // OpenAPI allows no empty parameter value (allowEmptyValue is false): a required one is missing.
            return new Violation(ErrorCode.REQUIRED_FIELD, name + " is required");
        }
        if (constraint == WellFormedUnicode.class) {
            return new Violation(
                    ErrorCode.MALFORMED_REQUEST, name + " is not valid Unicode text (it holds an unpaired surrogate)");
        }
        ErrorCode code;
        if (constraint == Pattern.class) {
            code = PATTERN_CODES.getOrDefault(name, ErrorCode.MALFORMED_REQUEST);
        } else {
            // @NotNull, and @Size failed by an empty string.
            code = ErrorCode.REQUIRED_FIELD;
        }
        return new Violation(
                code,
                code == ErrorCode.REQUIRED_FIELD ? name + " is required and must not be blank" : code.defaultMessage());
    }

    /** Whether the violation is a required query parameter sent with an empty value ({@code ?phone_number=}). */
    private static boolean isRequiredParameterSentEmpty(ConstraintViolation<?> violation) {
        if (!"".equals(violation.getInvalidValue())) {
            return false;
        }
        Path.MethodNode method = null;
        Path.ParameterNode parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.as(Path.ParameterNode.class);
            }
        }
        if (method == null || parameter == null) {
            return false;
        }
        Method handler = ReflectionUtils.findMethod(
                violation.getRootBeanClass(),
                method.getName(),
                method.getParameterTypes().toArray(Class<?>[]::new));
        if (handler == null) {
            return false;
        }
        RequestParam param = new AnnotatedMethod(handler)
                .getMethodParameters()[parameter.getParameterIndex()].getParameterAnnotation(RequestParam.class);
        return param != null && param.required();
    }

    /**
     * The JSON name of the property or parameter: {@code firstName} becomes {@code first_name}. A
     * body's field is the last property of a path that starts at the handler's parameter
     * ({@code createContactCard.createContactCardRequest.firstName}).
     */
    private static String jsonName(Path path) {
        String name = "";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
