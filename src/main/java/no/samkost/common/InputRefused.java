package no.samkost.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value that is well-formed but breaks an input rule every field obeys (text with control
 * characters, a number in exponent form or with too many digits). Jackson adds the field's path on
 * the way out, so the problem names it.
 */
public final class InputRefused extends JsonMappingException {

    private final String reason;

    public InputRefused(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
