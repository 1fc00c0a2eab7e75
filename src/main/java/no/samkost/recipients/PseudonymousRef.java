package no.samkost.recipients;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A municipality-local pseudonymous reference: 1-64 of {@code A-Z a-z 0-9 - _}. Eleven digits look
 * like a national identity number (fødselsnummer), which the platform must never store.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PseudonymousRef.Validator.class)
public @interface PseudonymousRef {
    String message() default "must be 1-64 characters of A-Z a-z 0-9 - _";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PseudonymousRef, String> {
        static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,64}");
        static final Pattern NATIONAL_IDENTITY_NUMBER = Pattern.compile("\\d{11}");

        @Override
        public boolean isValid(String ref, ConstraintValidatorContext context) {
            if (ref == null) {
                return true;
            }
            if (NATIONAL_IDENTITY_NUMBER.matcher(ref).matches()) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                                "looks like a national identity number (fødselsnummer); use a pseudonymous reference")
                        .addConstraintViolation();
                return false;
            }
            return ALLOWED.matcher(ref).matches();
        }
    }
}
