package no.samkost.planning;

/**
 * SQL the planning queries share: where a recipient lives on a day. Published: the cooperation
 * module reads the same in each member's own rows for the cooperation's key figures.
 */
public final class HousingSql {

    private HousingSql() {}

    /**
     * The housing form of recipient {@code r} on the day {@code day} (an SQL expression): the row
     * with the latest day on or before it, and for one day the one recorded last; null if none.
     */
    public static String formOn(String day) {
        return "(select h.housing_form " + latestOn(day) + ")";
    }

    /**
     * A lateral join giving {@code h.housing_form} and {@code h.base_level} of recipient {@code r} on
     * {@code day}, as {@link #formOn} chooses the row; both null if none.
     */
    static String joinHousingOn(String day) {
        return "left join lateral (select h.housing_form, h.base_level " + latestOn(day) + ") h on true";
    }

    private static String latestOn(String day) {
        return """
                from recipient_housing h
                 where h.municipality_id = r.municipality_id and h.recipient_id = r.id
                   and h.valid_from <= %s
                 order by h.valid_from desc, h.recorded_at desc
                 limit 1"""
                .formatted(day);
    }
}
