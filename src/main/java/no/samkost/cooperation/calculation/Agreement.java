package no.samkost.cooperation.calculation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The parts of a cooperation agreement the calculations need: how each cost pool's shared costs
 * are split (a pool is a kind of joint service; kinds without their own key use the default), and
 * the stand-alone model of the comparison, the day the cooperation started (no placement starts
 * before it), and the small-number rule's minimum cell size (a figure about another member that
 * rests on fewer placed recipients is not shown; see {@link SmallNumbers}).
 */
public record Agreement(
        SplitKey defaultSplit,
        Map<JointServiceKind, SplitKey> splitByKind,
        StandAloneModel standAlone,
        LocalDate startsOn,
        int minimumCellSize) {

    /** The default minimum cell size, as official statistics commonly use. */
    public static final int DEFAULT_MINIMUM_CELL_SIZE = 3;
    /** Below 2 a figure of one recipient would be shown. */
    public static final int LOWEST_MINIMUM_CELL_SIZE = 2;
    /** Above this no cooperation of small municipalities would see any other member's figures. */
    public static final int HIGHEST_MINIMUM_CELL_SIZE = 50;

    public Agreement {
        if (defaultSplit == null || standAlone == null || startsOn == null) {
            throw new IllegalArgumentException(
                    "an agreement needs a default split key, a stand-alone model and a start date");
        }
        if (minimumCellSize < LOWEST_MINIMUM_CELL_SIZE || minimumCellSize > HIGHEST_MINIMUM_CELL_SIZE) {
            throw new IllegalArgumentException("the minimum cell size is a whole number from "
                    + LOWEST_MINIMUM_CELL_SIZE + " to " + HIGHEST_MINIMUM_CELL_SIZE + ", not " + minimumCellSize);
        }
        splitByKind = Collections.unmodifiableMap(
                splitByKind.isEmpty() ? new EnumMap<>(JointServiceKind.class) : new EnumMap<>(splitByKind));
    }

    public SplitKey splitFor(JointServiceKind kind) {
        return splitByKind.getOrDefault(kind, defaultSplit);
    }
}
