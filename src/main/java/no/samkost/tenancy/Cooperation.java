package no.samkost.tenancy;

import java.util.List;

/**
 * An inter-municipal cooperation (interkommunalt samarbeid) from {@code tenants/cooperations/}: who
 * belongs to it, which is what the path guard and the database wall need. Its agreement (cost-split
 * keys, the stand-alone model) is the cooperation module's.
 *
 * @param members tenant ids of the member municipalities
 * @param host tenant id of the host municipality (vertskommune); always a member
 */
public record Cooperation(String id, String name, String host, List<String> members) {

    public boolean hasMember(String municipalityId) {
        return members.contains(municipalityId);
    }
}
