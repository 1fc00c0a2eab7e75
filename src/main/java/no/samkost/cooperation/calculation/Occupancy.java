package no.samkost.cooperation.calculation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** How many places a joint service's placements take at most, on any one day. */
public final class Occupancy {

    private Occupancy() {}

    /**
     * The most placements that cover one day between {@code first} and {@code last} (inclusive;
     * {@code last} null means open-ended). The peak is always on some placement's first day or on
     * {@code first}, so only those days are counted.
     */
    public static int peak(List<PlacementPeriod> placements, LocalDate first, LocalDate last) {
        List<LocalDate> candidates = new ArrayList<>();
        candidates.add(first);
        for (PlacementPeriod p : placements) {
            if (!p.from().isBefore(first) && (last == null || !p.from().isAfter(last))) {
                candidates.add(p.from());
            }
        }
        int peak = 0;
        for (LocalDate day : candidates) {
            int covering = 0;
            for (PlacementPeriod p : placements) {
                if (p.daysWithin(day, day) == 1) {
                    covering++;
                }
            }
            peak = Math.max(peak, covering);
        }
        return peak;
    }
}
