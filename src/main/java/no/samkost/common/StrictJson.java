package no.samkost.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The API reads JSON strictly: unknown fields, "12" for a number, 1.5 for a whole number, 1 for a
 * boolean, a number for an enum, a key given twice and trailing garbage are all errors that name the
 * field. Every string obeys {@link InputText}; every decimal is written plainly (no exponent, at
 * most {@value #MAX_DECIMAL_LENGTH} characters), so no number can cost more than its few bytes to
 * read, compare or write back. The parser's own limits stop what gets past that before it is built.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Sign, 13 integer digits (numeric(15,2)), point and a few decimals for a clear scale error. */
    public static final int MAX_DECIMAL_LENGTH = 24;

    public static final int MAX_NESTING_DEPTH = 16;
    public static final int MAX_STRING_LENGTH = 100_000;
    /** The parser's own ceiling for a number token, far above any valid value. */
    static final int MAX_NUMBER_TOKEN = 1_000;

    /** Last, after Quarkus has registered its own modules, so these readers are the ones used. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(MAX_NUMBER_TOKEN)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(1_000)
                        .build());
        // A key given twice is an error, not "the last one wins".
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Money is BigDecimal end to end: 1608000.00, never 1.608E+6, never a double in between.
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // "" or "\u0000" for a whole number is not "no value": Jackson would take a blank string as
        // empty, and an empty string as null for a boxed number (an optional field quietly unset).
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("samkost-input-rules")
                .addDeserializer(String.class, new CheckedText())
                .addDeserializer(BigDecimal.class, new PlainDecimal())
                .addDeserializer(LocalDate.class, new IsoDate()));
    }

    /** A JSON string that obeys {@link InputText}. */
    static final class CheckedText extends StdScalarDeserializer<String> {
        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            var problem = InputText.problem(value);
            if (problem.isPresent()) {
                throw new InputRefused(p, problem.get());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /**
     * A date is a string written YYYY-MM-DD. Jackson's own reader also takes [2023,1,1], and an empty
     * array as no date at all, which turned a hostile [] into an open-ended placement.
     */
    static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new InputRefused(p, "must be a date written YYYY-MM-DD, e.g. 2023-03-01");
            }
            String text = p.getText();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new InputRefused(p, "must be a date written YYYY-MM-DD, e.g. 2023-03-01");
            }
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** A JSON number written plainly; read from its text, so no exponent is ever expanded. */
    static final class PlainDecimal extends StdScalarDeserializer<BigDecimal> {
        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            String text = p.getText();
            if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
                throw new InputRefused(p, "write the number without an exponent, e.g. 12500.50");
            }
            if (text.length() > MAX_DECIMAL_LENGTH) {
                throw new InputRefused(p, "has more than " + MAX_DECIMAL_LENGTH + " characters");
            }
            return new BigDecimal(text);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }
    }
}
