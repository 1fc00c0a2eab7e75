package no.samkost.common;

import java.util.List;

/** Thrown by services to answer with a specific problem; mapped once, in {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final transient List<Problem.Violation> violations;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                ProblemType.VALIDATION, field + ": " + message, List.of(Problem.Violation.field(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
