package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * Expected residents per year and housing form: today's recipients in their current form, plus
 * the future-needs register's youths from their expected move-out year in their preferred form,
 * less those who leave.
 *
 * <ul>
 *   <li>A person counts from the first year (or from its move-out year, if later; a move-out year
 *       already past counts from the first year).
 *   <li>It leaves for good in the first year whose rules put it past the age limit: born before
 *       that year's {@code eligibleBornOnOrAfter} (the caller passes the limit by cost year).
 *   <li>With a yearly exit rate r (other reasons: moving away, death), a person counts (1 - r)^k in
 *       the k-th year after it started: an expected number, not a whole person.
 *   <li>Each cell is rounded half up to two decimals; a year's total is the sum of its cells.
 *   <li>A housing form that is not known is a column of its own ({@link #UNKNOWN}).
 * </ul>
 *
 * Plain Java.
 */
public final class HousingDemand {

    /** The column of people whose housing form is not known. */
    public static final String UNKNOWN = "unknown";

    public static final List<String> COLUMNS = List.of("1", "2", "3", "4", "5", UNKNOWN);

    private HousingDemand() {}

    /**
     * Someone who needs housing from a year on.
     *
     * @param housingForm 1-5, or null when not known
     * @param fromYear the year it starts to count (a recipient today: any year up to the first)
     */
    public record Person(int birthYear, Integer housingForm, int fromYear) {
        public Person {
            if (housingForm != null && (housingForm < 1 || housingForm > 5)) {
                throw new IllegalArgumentException("housing form " + housingForm);
            }
        }
    }

    /** One year: expected residents by column ({@link #COLUMNS}) and their total. */
    public record Year(int year, Map<String, BigDecimal> byHousingForm, BigDecimal total) {}

    /**
     * How much of a person is expected to be there in {@code year}: 0 before it starts (its {@code
     * fromYear}, or the first year if that is later) and once past the age limit ({@code
     * earliestBirthYear}), else {@code stays}^(years since it started).
     */
    public static BigDecimal presence(
            int firstYear, int fromYear, int birthYear, int year, int earliestBirthYear, BigDecimal stays) {
        int start = Math.max(firstYear, fromYear);
        if (year < start || birthYear < earliestBirthYear) {
            return BigDecimal.ZERO;
        }
        return stays.pow(year - start);
    }

    /**
     * @param ageLimit for a year, the earliest birth year still within the age limit
     * @param yearlyExitRate 0 to 1
     */
    public static List<Year> project(
            int firstYear, int years, List<Person> people, IntUnaryOperator ageLimit, BigDecimal yearlyExitRate) {
        Objects.requireNonNull(yearlyExitRate, "yearlyExitRate");
        if (years < 1 || years > 50) {
            throw new IllegalArgumentException("years must be 1-50");
        }
        if (yearlyExitRate.signum() < 0 || yearlyExitRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("yearlyExitRate must be from 0 to 1");
        }
        BigDecimal stays = BigDecimal.ONE.subtract(yearlyExitRate);
        List<Year> result = new ArrayList<>();
        for (int year = firstYear; year < firstYear + years; year++) {
            Map<String, BigDecimal> exact = new LinkedHashMap<>();
            COLUMNS.forEach(c -> exact.put(c, BigDecimal.ZERO));
            int limit = ageLimit.applyAsInt(year);
            for (Person p : people) {
                BigDecimal present = presence(firstYear, p.fromYear(), p.birthYear(), year, limit, stays);
                if (present.signum() == 0) {
                    continue;
                }
                String column =
                        p.housingForm() == null ? UNKNOWN : p.housingForm().toString();
                exact.merge(column, present, BigDecimal::add);
            }
            Map<String, BigDecimal> rounded = new LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (Map.Entry<String, BigDecimal> cell : exact.entrySet()) {
                BigDecimal value = cell.getValue().setScale(2, RoundingMode.HALF_UP);
                rounded.put(cell.getKey(), value);
                total = total.add(value);
            }
            result.add(new Year(year, java.util.Collections.unmodifiableMap(rounded), total));
        }
        return List.copyOf(result);
    }
}
