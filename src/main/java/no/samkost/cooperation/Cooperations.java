package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.api.AgreementView;
import no.samkost.cooperation.api.CooperationView;
import no.samkost.cooperation.api.MemberView;
import no.samkost.cooperation.api.StandAloneView;
import no.samkost.cooperation.calculation.Agreement;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.CooperationPathGuard;
import no.samkost.tenancy.CurrentMunicipality;
import no.samkost.tenancy.Municipality;
import no.samkost.tenancy.MunicipalityRegistry;

/** The caller's cooperations, from the tenant files, and who plays which part in them. */
@ApplicationScoped
public class Cooperations {

    private final MunicipalityRegistry registry;
    private final CurrentMunicipality current;
    private final Agreements agreements;

    public Cooperations(MunicipalityRegistry registry, CurrentMunicipality current, Agreements agreements) {
        this.registry = registry;
        this.current = current;
        this.agreements = agreements;
    }

    public List<CooperationView> mine() {
        return registry.cooperationsOf(current.require()).stream()
                .map(this::view)
                .toList();
    }

    /** Every cooperation the caller's municipality belongs to. */
    public List<Cooperation> callersCooperations() {
        return registry.cooperationsOf(current.require());
    }

    /** A cooperation the caller belongs to; the path guard has refused the others already. */
    public Cooperation require(String id) {
        return registry.cooperationsOf(current.require()).stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, CooperationPathGuard.refusalFor(id)));
    }

    public CooperationView view(Cooperation c) {
        Agreement agreement = agreement(c);
        Map<String, String> split = new LinkedHashMap<>();
        split.put("default", agreement.defaultSplit().toString());
        agreement.splitByKind().forEach((kind, key) -> split.put(kind.name(), key.toString()));
        return new CooperationView(
                c.id(),
                c.name(),
                member(c.host()),
                c.members().stream().map(this::member).toList(),
                new AgreementView(
                        split,
                        new StandAloneView(
                                agreement.standAlone().fixedCostPerYear(),
                                agreement.standAlone().variableCostPerRecipient()),
                        agreement.startsOn(),
                        agreement.minimumCellSize()));
    }

    public Agreement agreement(Cooperation c) {
        return agreements.of(c);
    }

    public boolean callerHosts(Cooperation c) {
        return current.require().id().equals(c.host());
    }

    /** For writes only the host may make; others get 403 naming the host. */
    public void requireHost(Cooperation c, String what) {
        if (!callerHosts(c)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "only the host municipality " + codeOf(c.host()) + " " + what + " in cooperation " + c.id());
        }
    }

    public Municipality caller() {
        return current.require();
    }

    public String codeOf(String municipalityId) {
        return municipality(municipalityId).code();
    }

    public Municipality municipality(String municipalityId) {
        return registry.byId(municipalityId)
                .orElseThrow(() -> new IllegalStateException("no tenant file for " + municipalityId));
    }

    private MemberView member(String municipalityId) {
        Municipality m = municipality(municipalityId);
        return new MemberView(m.code(), m.name());
    }
}
