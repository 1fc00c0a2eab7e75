package no.samkost.cooperation.api;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;
import no.samkost.common.ProblemException;

/**
 * The joint-service variant a sensitivity request asks for: which service (null: none asked for)
 * and the care the added recipient would need there, checked where the request enters.
 */
public record PlaceRequest(UUID serviceId, BigDecimal usageHoursPerWeek) {

    /** The added recipient's care when none is given: an assumption the caller changes with the parameter. */
    public static final BigDecimal DEFAULT_USAGE = new BigDecimal("20.00");

    private static final Pattern ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HOURS = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");

    public static PlaceRequest of(String jointService, String usageHoursPerWeek) {
        UUID id = null;
        if (jointService != null) {
            if (!ID.matcher(jointService).matches()) {
                throw ProblemException.invalidField("jointService", "a joint service's id (a UUID)");
            }
            id = UUID.fromString(jointService);
        }
        BigDecimal usage = DEFAULT_USAGE;
        if (usageHoursPerWeek != null) {
            if (!HOURS.matcher(usageHoursPerWeek).matches()) {
                throw ProblemException.invalidField(
                        "usageHoursPerWeek", "hours of direct care a week, more than 0, at most 168, two decimals");
            }
            usage = new BigDecimal(usageHoursPerWeek).setScale(2);
            if (usage.signum() <= 0 || usage.compareTo(new BigDecimal("168")) > 0) {
                throw ProblemException.invalidField(
                        "usageHoursPerWeek", "hours of direct care a week, more than 0, at most 168, two decimals");
            }
        }
        return new PlaceRequest(id, usage);
    }
}
