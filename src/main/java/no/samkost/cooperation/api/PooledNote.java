package no.samkost.cooperation.api;

import java.math.BigDecimal;
import java.util.List;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.cooperation.calculation.SplitKey;
import no.samkost.cooperation.calculation.SplitMeasure;

/**
 * One thing the pooled figures rest on. The API shows {@link #text()} (English, as in API.md); the
 * web front end words each kind in Norwegian from its values, so no page has to parse the sentence.
 */
public sealed interface PooledNote {

    /** The note as the API's {@code notes} carries it. */
    String text();

    /**
     * The rules of the grant year hold values not read in the circular; {@code projected} names
     * those of them grown from an earlier year (none published or found).
     */
    record UnverifiedRules(int grantYear, List<String> parameters, List<String> projected) implements PooledNote {
        @Override
        public String text() {
            return "the rules of grant year " + grantYear + " include unverified values: " + parameters
                    + (projected.isEmpty() ? "" : "; projected, not published: " + projected);
        }
    }

    /** The shared costs of one pool (a kind of joint service) and the agreement's key that split them. */
    record SharedCostsSplit(JointServiceKind kind, BigDecimal amount, SplitKey key) implements PooledNote {
        @Override
        public String text() {
            return "shared costs of " + kind + " services, " + amount.toPlainString() + ", split by " + key;
        }
    }

    /** A measure of the key that no member had in the pool; its part was split equally. */
    record MeasureWithoutBasis(SplitMeasure measure, JointServiceKind kind, int costYear) implements PooledNote {
        @Override
        public String text() {
            return "no member had any " + measure + " in " + kind + " services in " + costYear
                    + ": that part of the key was split equally";
        }
    }

    /** For the host: direct wages of months with nobody placed. */
    record UnattributedWages(BigDecimal amount, int costYear) implements PooledNote {
        @Override
        public String text() {
            return "direct wages of " + amount.toPlainString() + " in " + costYear
                    + " fell in months with nobody placed and are attributed to no member";
        }
    }

    /** For the caller only: its own placed recipients whose grant the rules could not compute. */
    record UnknownOwnGrants(long count) implements PooledNote {
        @Override
        public String text() {
            return count + " of your placed recipients' grants are unknown (RULES_INCOMPLETE) and counted as 0";
        }
    }

    public static List<String> texts(List<PooledNote> notes) {
        return notes.stream().map(PooledNote::text).toList();
    }
}
