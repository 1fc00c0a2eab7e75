package no.samkost.recipients;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Year;

/** A plausible birth year: from 1900 up to the current year. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BirthYear.Validator.class)
public @interface BirthYear {
    String message() default "must be a year from 1900 to the current year";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BirthYear, Integer> {
        static final int EARLIEST = 1900;

        @Override
        public boolean isValid(Integer year, ConstraintValidatorContext context) {
            return year == null || (year >= EARLIEST && year <= Year.now().getValue());
        }
    }
}
