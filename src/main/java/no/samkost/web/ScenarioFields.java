package no.samkost.web;

import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The scenario form's fields as posted, for the handlers that create and change a scenario; the
 * repeated ones in the form's order. Read into {@link ScenarioForm} by {@link #typed()}.
 */
public class ScenarioFields {

    @RestForm("navn")
    public String name;

    @RestForm("lonnsvekst")
    public String wageGrowth;

    @RestForm("ekstrasteg")
    public String extraStep;

    @RestForm("utflytting")
    public String exitRate;

    @RestForm("kostnad")
    public List<String> costs;

    @RestForm("kostnadUkjent")
    public String costUnknown;

    @RestForm("nivaaBoform")
    public List<String> levelForms;

    @RestForm("nivaa")
    public List<String> levels;

    @RestForm("nivaaKostnad")
    public List<String> levelCosts;

    @RestForm("andel")
    public List<String> shares;

    @RestForm("flyttAar")
    public List<String> moveYears;

    @RestForm("flyttBoform")
    public List<String> moveForms;

    @RestForm("flyttAntall")
    public List<String> moveResidents;

    @RestForm("flyttKostnad")
    public List<String> moveCosts;

    @RestForm("sparingAar")
    public List<String> savingYears;

    @RestForm("sparingBelop")
    public List<String> savingAmounts;

    /** Only a change sends it: the version the person read. */
    @RestForm("versjon")
    public String version;

    ScenarioForm typed() {
        return ScenarioForm.typed(
                name,
                wageGrowth,
                extraStep,
                exitRate,
                costs,
                costUnknown,
                levelForms,
                levels,
                levelCosts,
                shares,
                moveYears,
                moveForms,
                moveResidents,
                moveCosts,
                savingYears,
                savingAmounts,
                version);
    }
}
