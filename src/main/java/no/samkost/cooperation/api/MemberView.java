package no.samkost.cooperation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Member")
public record MemberView(@Schema(examples = "0702") String municipality, String name) {}
