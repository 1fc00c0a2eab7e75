package no.samkost.planning;

import java.util.Arrays;
import no.samkost.common.ProblemException;
import no.samkost.recipients.UserGroup;

/**
 * A sensitivity request's group and range of k, checked where the request enters; a
 * municipality's and a cooperation's sensitivity take the same.
 *
 * @param group null: recipients of every group
 */
public record SensitivityQuery(UserGroup group, int from, int to) {

    /** Two fewer, unless the group has fewer recipients than that (its own endpoint stops there). */
    public static final int DEFAULT_FROM = -2;

    public static SensitivityQuery of(String userGroup, int from, int to) {
        if (from < -20 || from > 20) {
            throw ProblemException.invalidField("from", "from -20 to 20");
        }
        if (to < -20 || to > 20 || to < from) {
            throw ProblemException.invalidField("to", "from -20 to 20, and not below from");
        }
        UserGroup group = null;
        if (userGroup != null) {
            group = Arrays.stream(UserGroup.values())
                    .filter(g -> g.name().equals(userGroup))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.invalidField(
                            "userGroup", "INTELLECTUAL_DISABILITY, MENTAL_HEALTH_SUBSTANCE, SOMATIC or OTHER"));
        }
        return new SensitivityQuery(group, from, to);
    }
}
