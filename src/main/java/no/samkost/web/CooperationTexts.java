package no.samkost.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cooperation planning views' reasons for hiding a figure, in Norwegian (an unknown one as written). */
final class CooperationTexts {

    private static final Pattern MINIMUM = Pattern.compile("below (\\d+)|fewer than (\\d+)");

    private CooperationTexts() {}

    static String hidden(String reason) {
        Matcher k = MINIMUM.matcher(reason);
        String minimum = !k.find() ? "noen få" : k.group(1) != null ? k.group(1) : k.group(2);
        if (reason.startsWith("rests on fewer than")) {
            return "Bygger på færre enn " + minimum + " mottakere med kostnader i året, eller ville latt et slikt tall"
                    + " regnes ut fra summene eller de samlede tallene for plasserte mottakere.";
        }
        if (reason.startsWith("the hidden members' figures")) {
            return "De skjulte medlemmenes tall bygger til sammen på færre enn " + minimum + " mottakere, her eller"
                    + " ved siden av de samlede tallene for plasserte mottakere: denne summen minus tallene som vises,"
                    + " ville avslørt dem.";
        }
        if (reason.startsWith("a count in it is below")) {
            return "Et antall i raden (per brukergruppe, boform eller ukjent tilskudd) er under " + minimum
                    + " mottakere, eller kunne regnes ut fra summene.";
        }
        if (reason.startsWith("rests on the grant, and how many grants")) {
            return "Bygger på tilskuddet, og hvor mange tilskudd reglene ikke kan regne ut, er skjult: vist eller tomt"
                    + " ville tallet fortalt om det finnes noen.";
        }
        if (reason.startsWith("another member's open year")) {
            return "Et annet medlems åpne år: føringer som fordeler en felles tjenestes lønn på nytt, flytter"
                    + " tilskuddet, så det ville vist hvor hver mottaker passerer innslagspunktet. Vises når medlemmet"
                    + " har lukket året.";
        }
        if (reason.startsWith("a median is one recipient's")) {
            return "En median er én mottakers nettokostnad, og egne mottakere kan flytte en felles median: den vises"
                    + " bare i kommunens egen rad.";
        }
        return reason;
    }
}
