package no.samkost.cooperation.calculation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The parts of a cooperation agreement the calculations need: how each cost pool's shared costs
 * are split (a pool is a kind of joint service; kinds without their own key use the default), and
 * the stand-alone model of the comparison, and the day the cooperation started (no placement
 * starts before it).
 */
public record Agreement(
        SplitKey defaultSplit,
        Map<JointServiceKind, SplitKey> splitByKind,
        StandAloneModel standAlone,
        LocalDate startsOn) {

    public Agreement {
        if (defaultSplit == null || standAlone == null || startsOn == null) {
            throw new IllegalArgumentException(
                    "an agreement needs a default split key, a stand-alone model and a start date");
        }
        splitByKind = Collections.unmodifiableMap(
                splitByKind.isEmpty() ? new EnumMap<>(JointServiceKind.class) : new EnumMap<>(splitByKind));
    }

    public SplitKey splitFor(JointServiceKind kind) {
        return splitByKind.getOrDefault(kind, defaultSplit);
    }
}
