package no.samkost.cooperation.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Cooperation")
public record CooperationView(
        String id, String name, MemberView host, List<MemberView> members, AgreementView agreement) {}
