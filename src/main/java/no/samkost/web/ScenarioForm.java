package no.samkost.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import no.samkost.common.InputText;
import no.samkost.planning.BaseLevel;
import no.samkost.planning.ScenarioDtos.AnnualCost;
import no.samkost.planning.ScenarioDtos.FormShare;
import no.samkost.planning.ScenarioDtos.JointServiceMove;
import no.samkost.planning.ScenarioDtos.Saving;
import no.samkost.planning.ScenarioDtos.ScenarioChange;
import no.samkost.planning.ScenarioDtos.ScenarioInput;
import no.samkost.planning.ScenarioDtos.ScenarioView;

/**
 * The scenario form as typed: every field a string, so a refused form shows what was typed. Read
 * into the API's {@link ScenarioInput} or {@link ScenarioChange} by {@link #input()}, which throws
 * {@link FormValues.Invalid} naming the form's field (or group of rows) for anything it cannot read.
 * Percentages are typed as per cent ({@code 4} for 0.04); kroner as a person writes them. The
 * optional rows (costs per base level, moves into joint services, savings) come as repeated fields
 * in the form's order; a row left blank is no row, and the form offers a few blank rows.
 */
public record ScenarioForm(
        String name,
        String wageGrowth,
        String extraStep,
        String exitRate,
        List<String> costs,
        String costUnknown,
        List<LevelCost> levelCosts,
        List<String> shares,
        List<Move> moves,
        List<SavingRow> savings,
        String version) {

    /** A cost for a housing form at a base level. */
    public record LevelCost(String form, String level, String cost) {
        boolean blank() {
            return FormValues.blank(form) && FormValues.blank(level) && FormValues.blank(cost);
        }
    }

    /** Residents of a housing form served in a joint service from a year on, at a place's cost. */
    public record Move(String fromYear, String form, String residents, String costPerPlace) {
        boolean blank() {
            return FormValues.blank(fromYear)
                    && FormValues.blank(form)
                    && FormValues.blank(residents)
                    && FormValues.blank(costPerPlace);
        }
    }

    public record SavingRow(String year, String amount) {
        boolean blank() {
            return FormValues.blank(year) && FormValues.blank(amount);
        }
    }

    static final int BLANK_LEVEL_ROWS = 2;
    static final int BLANK_MOVE_ROWS = 2;
    static final int BLANK_SAVING_ROWS = 3;

    /** The form's fields (or groups of rows), each with what the page says when it cannot be used. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("navn", "Gi scenariet et navn på 1 til 100 tegn, uten linjeskift eller kontrolltegn."),
            Map.entry("lonnsvekst", "Lønnsvekst per år i prosent: fra 0 til 50, med høyst fire desimaler."),
            Map.entry(
                    "ekstrasteg", "Ekstra økning av innslagspunktet: kroner fra 0 til 1 000 000, høyst to desimaler."),
            Map.entry("utflytting", "Utflytting per år i prosent: fra 0 til 100, med høyst to desimaler."),
            Map.entry(
                    "kostnader",
                    "Oppgi årskostnaden for hver boform 1–5 og for ukjent boform: kroner fra 0 til 100 000 000,"
                            + " høyst to desimaler."),
            Map.entry(
                    "nivaakostnader",
                    "En kostnad per basenivå trenger boform, basenivå og kroner (0 til 100 000 000), og hver"
                            + " kombinasjon bare én gang."),
            Map.entry(
                    "andeler",
                    "Andelene for nye beboere er prosent fra 0 til 100 med høyst to desimaler, og må til sammen bli"
                            + " 100 (eller alle stå tomme)."),
            Map.entry(
                    "flyttinger",
                    "En flytting til felles tjeneste trenger fra år (2000–2100), boform 1–5, antall beboere (1–10 000)"
                            + " og kostnad per plass (0 til 100 000 000 kroner)."),
            Map.entry(
                    "sparing",
                    "En innsparing trenger år (2000–2100) og beløp (0 til 10 000 000 000 kroner), hvert år bare én"
                            + " gang."),
            Map.entry("versjon", "Scenariet er endret av noen andre siden du åpnet det. Last siden på nytt."));

    /** The API's fields, by the page's field or group of rows that holds them. */
    static final Map<String, String> API_FIELDS = Map.of(
            "name", "navn",
            "yearlyWageGrowth", "lonnsvekst",
            "yearlyExtraStep", "ekstrasteg",
            "yearlyExitRate", "utflytting",
            "newResidentForms", "andeler",
            "jointServiceMoves", "flyttinger",
            "savings", "sparing",
            "version", "versjon");

    private static final BigDecimal MAX_COST = new BigDecimal("100000000");
    private static final BigDecimal MAX_STEP = new BigDecimal("1000000");
    private static final BigDecimal MAX_SAVING = new BigDecimal("10000000000");

    /** A new scenario's form: no figures yet, nothing assumed beyond no extra step and no exits. */
    static ScenarioForm empty() {
        return new ScenarioForm(
                "",
                "",
                "0",
                "0",
                Collections.nCopies(5, ""),
                "",
                blankRows(List.of(), BLANK_LEVEL_ROWS, () -> new LevelCost("", "", "")),
                Collections.nCopies(5, ""),
                blankRows(List.of(), BLANK_MOVE_ROWS, () -> new Move("", "", "", "")),
                blankRows(List.of(), BLANK_SAVING_ROWS, () -> new SavingRow("", "")),
                "");
    }

    /** A stored scenario's form, to change it. */
    static ScenarioForm of(ScenarioView s) {
        List<String> costs = new ArrayList<>(Collections.nCopies(5, ""));
        String unknown = "";
        List<LevelCost> levels = new ArrayList<>();
        for (AnnualCost c : s.annualCosts()) {
            if (c.housingForm() == null) {
                unknown = FormValues.asAmount(c.annualCost());
            } else if (c.baseLevel() == null) {
                costs.set(c.housingForm() - 1, FormValues.asAmount(c.annualCost()));
            } else {
                levels.add(new LevelCost(
                        c.housingForm().toString(), c.baseLevel().name(), FormValues.asAmount(c.annualCost())));
            }
        }
        List<String> shares = new ArrayList<>(Collections.nCopies(5, ""));
        s.newResidentForms().forEach(f -> shares.set(f.housingForm() - 1, FormValues.asPercent(f.share())));
        return new ScenarioForm(
                s.name(),
                FormValues.asPercent(s.yearlyWageGrowth()),
                FormValues.asAmount(s.yearlyExtraStep()),
                FormValues.asPercent(s.yearlyExitRate()),
                costs,
                unknown,
                blankRows(levels, BLANK_LEVEL_ROWS, () -> new LevelCost("", "", "")),
                shares,
                blankRows(
                        s.jointServiceMoves().stream()
                                .map(m -> new Move(
                                        m.fromYear().toString(),
                                        m.housingForm().toString(),
                                        m.residents().toString(),
                                        FormValues.asAmount(m.annualCostPerPlace())))
                                .toList(),
                        BLANK_MOVE_ROWS,
                        () -> new Move("", "", "", "")),
                blankRows(
                        s.savings().stream()
                                .map(v -> new SavingRow(v.year().toString(), FormValues.asAmount(v.amount())))
                                .toList(),
                        BLANK_SAVING_ROWS,
                        () -> new SavingRow("", "")),
                Long.toString(s.version()));
    }

    /** The form as posted: the repeated fields paired by position, as the form lays them out. */
    static ScenarioForm typed(
            String name,
            String wageGrowth,
            String extraStep,
            String exitRate,
            List<String> costs,
            String costUnknown,
            List<String> levelForms,
            List<String> levels,
            List<String> levelCosts,
            List<String> shares,
            List<String> moveYears,
            List<String> moveForms,
            List<String> moveResidents,
            List<String> moveCosts,
            List<String> savingYears,
            List<String> savingAmounts,
            String version) {
        List<LevelCost> levelRows = new ArrayList<>();
        for (int i = 0; i < longest(levelForms, levels, levelCosts); i++) {
            levelRows.add(new LevelCost(at(levelForms, i), at(levels, i), at(levelCosts, i)));
        }
        List<Move> moveRows = new ArrayList<>();
        for (int i = 0; i < longest(moveYears, moveForms, moveResidents, moveCosts); i++) {
            moveRows.add(new Move(at(moveYears, i), at(moveForms, i), at(moveResidents, i), at(moveCosts, i)));
        }
        List<SavingRow> savingRows = new ArrayList<>();
        for (int i = 0; i < longest(savingYears, savingAmounts); i++) {
            savingRows.add(new SavingRow(at(savingYears, i), at(savingAmounts, i)));
        }
        return new ScenarioForm(
                text(name),
                text(wageGrowth),
                text(extraStep),
                text(exitRate),
                fixed(costs, 5),
                text(costUnknown),
                levelRows,
                fixed(shares, 5),
                moveRows,
                savingRows,
                text(version));
    }

    /**
     * The form with at least its blank rows again, as it is shown after a refusal; of more values
     * than the form has fields (only a hand-made request sends them), the form's fields.
     */
    ScenarioForm shown() {
        return new ScenarioForm(
                name,
                wageGrowth,
                extraStep,
                exitRate,
                costs.subList(0, Math.min(5, costs.size())),
                costUnknown,
                blankRows(
                        levelCosts.stream().filter(r -> !r.blank()).toList(),
                        BLANK_LEVEL_ROWS,
                        () -> new LevelCost("", "", "")),
                shares.subList(0, Math.min(5, shares.size())),
                blankRows(
                        moves.stream().filter(r -> !r.blank()).toList(),
                        BLANK_MOVE_ROWS,
                        () -> new Move("", "", "", "")),
                blankRows(
                        savings.stream().filter(r -> !r.blank()).toList(),
                        BLANK_SAVING_ROWS,
                        () -> new SavingRow("", "")),
                version);
    }

    /** The API's request: a new scenario. */
    ScenarioInput input() {
        Read r = read();
        return new ScenarioInput(
                r.name, r.wageGrowth, r.extraStep, r.exitRate, r.annualCosts, r.shares, r.moves, r.savings);
    }

    /** The API's request: a change from the version read. */
    ScenarioChange change() {
        Read r = read();
        Long based;
        try {
            based = Long.valueOf(version.strip());
        } catch (NumberFormatException e) {
            throw new FormValues.Invalid("versjon");
        }
        return new ScenarioChange(
                r.name, r.wageGrowth, r.extraStep, r.exitRate, r.annualCosts, r.shares, r.moves, r.savings, based);
    }

    private record Read(
            String name,
            BigDecimal wageGrowth,
            BigDecimal extraStep,
            BigDecimal exitRate,
            List<AnnualCost> annualCosts,
            List<FormShare> shares,
            List<JointServiceMove> moves,
            List<Saving> savings) {}

    private Read read() {
        String stripped = name.strip();
        if (stripped.isEmpty()
                || stripped.length() > 100
                || InputText.problem(name).isPresent()) {
            throw new FormValues.Invalid("navn");
        }
        BigDecimal growth = required("lonnsvekst", FormValues.percent("lonnsvekst", wageGrowth, 4, new BigDecimal(50)));
        BigDecimal step = required("ekstrasteg", FormValues.amount("ekstrasteg", extraStep, MAX_STEP));
        BigDecimal exit = required("utflytting", FormValues.percent("utflytting", exitRate, 2, new BigDecimal(100)));
        if (costs.size() != 5) {
            throw new FormValues.Invalid("kostnader");
        }
        List<AnnualCost> annual = new ArrayList<>();
        for (int form = 1; form <= 5; form++) {
            annual.add(new AnnualCost(
                    form, null, required("kostnader", FormValues.amount("kostnader", costs.get(form - 1), MAX_COST))));
        }
        annual.add(new AnnualCost(
                null, null, required("kostnader", FormValues.amount("kostnader", costUnknown, MAX_COST))));
        for (LevelCost row : levelCosts) {
            if (row.blank()) {
                continue;
            }
            annual.add(new AnnualCost(
                    required("nivaakostnader", FormValues.whole("nivaakostnader", row.form(), 1, 5)),
                    level(row.level()),
                    required("nivaakostnader", FormValues.amount("nivaakostnader", row.cost(), MAX_COST))));
        }
        List<FormShare> formShares = new ArrayList<>();
        if (shares.size() != 5) {
            throw new FormValues.Invalid("andeler");
        }
        for (int form = 1; form <= 5; form++) {
            BigDecimal share = FormValues.percent("andeler", shares.get(form - 1), 2, new BigDecimal(100));
            if (share != null) {
                formShares.add(new FormShare(form, share));
            }
        }
        List<JointServiceMove> moveList = new ArrayList<>();
        for (Move row : moves) {
            if (row.blank()) {
                continue;
            }
            moveList.add(new JointServiceMove(
                    required("flyttinger", FormValues.whole("flyttinger", row.fromYear(), 2000, 2100)),
                    required("flyttinger", FormValues.whole("flyttinger", row.form(), 1, 5)),
                    required("flyttinger", FormValues.whole("flyttinger", row.residents(), 1, 10_000)),
                    required("flyttinger", FormValues.amount("flyttinger", row.costPerPlace(), MAX_COST))));
        }
        List<Saving> savingList = new ArrayList<>();
        for (SavingRow row : savings) {
            if (row.blank()) {
                continue;
            }
            savingList.add(new Saving(
                    required("sparing", FormValues.whole("sparing", row.year(), 2000, 2100)),
                    required("sparing", FormValues.amount("sparing", row.amount(), MAX_SAVING))));
        }
        return new Read(stripped, growth, step, exit, annual, formShares, moveList, savingList);
    }

    /**
     * A refusal by the API's name of the field ({@code annualCosts[7].baseLevel}), as the page's
     * field: the costs the form lists first (forms 1-5, then the unknown form) are {@code kostnader},
     * the rows after them {@code nivaakostnader}.
     */
    static String pageField(String apiField) {
        String head = apiField.split("[\\[.]", 2)[0];
        if (head.equals("annualCosts")) {
            java.util.regex.Matcher index =
                    java.util.regex.Pattern.compile("^annualCosts\\[(\\d+)]").matcher(apiField);
            return index.find() && Integer.parseInt(index.group(1)) >= 6 ? "nivaakostnader" : "kostnader";
        }
        return API_FIELDS.getOrDefault(head, head);
    }

    private static BaseLevel level(String text) {
        try {
            return BaseLevel.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new FormValues.Invalid("nivaakostnader");
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new FormValues.Invalid(field);
        }
        return value;
    }

    private static <T> List<T> blankRows(List<T> rows, int blank, java.util.function.Supplier<T> empty) {
        List<T> all = new ArrayList<>(rows);
        for (int i = 0; i < blank; i++) {
            all.add(empty.get());
        }
        return List.copyOf(all);
    }

    @SafeVarargs
    private static int longest(List<String>... lists) {
        int longest = 0;
        for (List<String> list : lists) {
            longest = Math.max(longest, list == null ? 0 : list.size());
        }
        // Beyond what a form could send (its rows and the API's list limits), nothing is read.
        return Math.min(longest, 60);
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }

    private static List<String> fixed(List<String> list, int size) {
        if (list != null && list.size() > size) {
            // More than the form has: kept, so that reading it refuses it by name.
            return list.stream().map(v -> v == null ? "" : v).toList();
        }
        List<String> all = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            all.add(at(list, i));
        }
        return all;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
