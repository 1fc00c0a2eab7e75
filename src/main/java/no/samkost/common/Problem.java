package no.samkost.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details; the only error shape the API ever answers with. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "stable URI naming the kind of problem") String type,
        String title,
        int status,
        String detail,
        String instance,
        @Schema(description = "one entry per invalid field or CSV row") List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field (JSON body, path or query) or one bad row of an import. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String field, Integer row, String message) {
        public static Violation field(String field, String message) {
            return new Violation(field, null, message);
        }

        public static Violation row(int row, String message) {
            return new Violation(null, row, message);
        }
    }
}
