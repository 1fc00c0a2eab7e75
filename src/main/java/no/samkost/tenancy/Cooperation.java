package no.samkost.tenancy;

import java.util.List;
import no.samkost.cooperation.calculation.Agreement;

/**
 * An inter-municipal cooperation (interkommunalt samarbeid) from {@code tenants/cooperations/}.
 *
 * @param members tenant ids of the member municipalities
 * @param host tenant id of the host municipality (vertskommune); always a member
 * @param agreement how shared costs are split and what running alone would cost
 */
public record Cooperation(String id, String name, String host, List<String> members, Agreement agreement) {

    public boolean hasMember(String municipalityId) {
        return members.contains(municipalityId);
    }
}
