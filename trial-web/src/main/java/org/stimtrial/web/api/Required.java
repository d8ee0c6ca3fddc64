package org.stimtrial.web.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Bean Validation constraint for request fields: present, and not blank if it is text. (The built-in
 * {@code @NotNull}/{@code @NotBlank}/{@code @Size} on record components crash Payara's OpenAPI generator, which
 * leaves this constraint alone.)
 */
@Documented
@Constraint(validatedBy = Required.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Required {
    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks presence (and non-blank text). */
    class Validator implements ConstraintValidator<Required, Object> {
        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return value != null && !(value instanceof CharSequence text && text.toString().isBlank());
        }
    }
}
