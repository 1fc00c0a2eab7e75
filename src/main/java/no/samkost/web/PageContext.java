package no.samkost.web;

import java.util.List;

/**
 * What every page's layout needs: whose pages these are, who is logged in, what they may open, the
 * form token, and which section is open (for the navigation's {@code aria-current}).
 */
public record PageContext(
        String code,
        String municipalityName,
        String userName,
        boolean coordinator,
        boolean viewer,
        boolean auditor,
        boolean member,
        String csrf,
        List<CooperationLink> cooperations,
        String section) {

    public record CooperationLink(String id, String name) {}

    /** Recipients, the ledger and the claim: the roles that read them in the API. */
    public boolean readsLedger() {
        return coordinator || viewer || auditor;
    }

    public String base() {
        return "/app/" + code;
    }

    public boolean in(String name) {
        return name.equals(section);
    }

    /** Whether this is a page of the cooperation {@code id} (section {@code samarbeid-<id>}). */
    public boolean inCooperation(String id) {
        return in(cooperationSection(id));
    }

    static String cooperationSection(String id) {
        return "samarbeid-" + id;
    }
}
