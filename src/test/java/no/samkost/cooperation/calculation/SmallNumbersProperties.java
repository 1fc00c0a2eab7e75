package no.samkost.cooperation.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The small-number rule over random cooperations (2-8 members, 0-8 placed recipients each, random
 * amounts, a random viewer, k from 2 to 5): an attacker who is the viewer takes every figure the
 * pooled figures and the comparison show and works out what it can by the sums and differences
 * below; none of it may be a hidden figure.
 *
 * <p>What the attacker enumerates (its oracle is arithmetic on shown values, not the rule):
 *
 * <ul>
 *   <li>column totals: a shown total minus every shown figure of its column (the viewer's own row
 *       included) is what the hidden rows add up to; so is the shared costs (always shown) minus
 *       the shown shares;
 *   <li>row identities, using shown figures and those remainders as candidates, repeated until
 *       nothing new comes out: {@code netCost = attributedCosts + sharedCostShare - expectedGrant};
 *       {@code pooledNetCost = netCost}; {@code standAloneCosts = fixed + variable x
 *       placedRecipients} (both ways: the count from the costs); {@code standAloneNetCost =
 *       standAloneCosts - standAloneExpectedGrant}; {@code savings = standAloneNetCost -
 *       pooledNetCost}.
 * </ul>
 *
 * Amounts are drawn so that no coincidence makes a sum of several hidden figures equal one of them
 * (every hidden row's amounts are non-zero and of one sign per field), so an equality is a leak.
 * The one allowed equality is intrinsic and documented: with a key that weighs a recipient measure,
 * the shared costs less the shares shown is the hidden members' share together; when the rule had
 * to hide the totals (the hidden members together rest on fewer than k and no other member can be
 * hidden with them) and one member is hidden, that is its share. The viewer knows it from its own
 * share anyway (the key's total measure), and the property checks that nothing else follows from it.
 */
class SmallNumbersProperties {

    static final List<String> POOLED = List.of("attributedCosts", "sharedCostShare", "expectedGrant", "netCost");
    static final BigDecimal FIXED = new BigDecimal("3200000.00");
    static final BigDecimal VARIABLE = new BigDecimal("1400000.00");

    /** A member's true figures, before suppression. */
    record Row(
            String code,
            int n,
            long days,
            BigDecimal attributed,
            BigDecimal share,
            BigDecimal grant,
            BigDecimal standAloneGrant) {

        BigDecimal net() {
            return attributed.add(share).subtract(grant);
        }

        BigDecimal standAloneCosts() {
            return n == 0 ? BigDecimal.ZERO : FIXED.add(VARIABLE.multiply(BigDecimal.valueOf(n)));
        }

        BigDecimal standAloneNet() {
            return standAloneCosts().subtract(standAloneGrant);
        }

        /** Every figure of the row in both answers, by field name. */
        Map<String, BigDecimal> figures() {
            Map<String, BigDecimal> f = new LinkedHashMap<>();
            f.put("placedRecipients", BigDecimal.valueOf(n));
            f.put("placementDays", BigDecimal.valueOf(days));
            f.put("attributedCosts", attributed);
            f.put("sharedCostShare", share);
            f.put("expectedGrant", grant);
            f.put("netCost", net());
            f.put("pooledNetCost", net());
            f.put("standAloneCosts", standAloneCosts());
            f.put("standAloneExpectedGrant", standAloneGrant);
            f.put("standAloneNetCost", standAloneNet());
            f.put("savingsFromCooperation", standAloneNet().subtract(net()));
            return f;
        }
    }

    record Case(List<Row> rows, int viewer, int k, boolean shareRests) {

        String viewerCode() {
            return rows.get(viewer).code();
        }

        List<SmallNumbers.Member> members() {
            return rows.stream()
                    .map(r -> new SmallNumbers.Member(r.code(), r.n()))
                    .toList();
        }

        BigDecimal sharedCosts() {
            return rows.stream().map(Row::share).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    @Provide
    Arbitrary<Case> cooperations() {
        Arbitrary<Row> row = Combinators.combine(
                        Arbitraries.integers().between(0, 8).edgeCases(c -> c.includeOnly(0, 1, 2, 3)),
                        Arbitraries.longs().between(1, 365),
                        amounts("100000.00", "900000.00"),
                        amounts("10000.00", "90000.00"),
                        amounts("1000000.00", "9000000.00"),
                        amounts("1000.00", "900000.00"))
                .as((n, days, attributed, share, grant, standAloneGrant) -> n == 0
                        ? new Row("?", 0, 0, BigDecimal.ZERO, share, BigDecimal.ZERO, BigDecimal.ZERO)
                        : new Row("?", n, days * n, attributed, share, grant, standAloneGrant));
        return Combinators.combine(
                        row.list().ofMinSize(2).ofMaxSize(8),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(2, 5),
                        Arbitraries.of(true, false))
                .as((rows, viewer, k, shareRests) -> {
                    List<Row> coded = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Row r = rows.get(i);
                        coded.add(new Row(
                                String.format("%04d", 3000 + i * 7),
                                r.n(),
                                r.days(),
                                r.attributed(),
                                r.share(),
                                r.grant(),
                                r.standAloneGrant()));
                    }
                    return new Case(coded, viewer % rows.size(), k, shareRests);
                });
    }

    private static Arbitrary<BigDecimal> amounts(String min, String max) {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal(min), new BigDecimal(max))
                .ofScale(2);
    }

    @Property(tries = 2000)
    void noHiddenFigureIsASumOrDifferenceOfShownOnes(@ForAll("cooperations") Case c) {
        SmallNumbers.Hidden hidden = SmallNumbers.hide(c.viewerCode(), c.k(), c.members(), c.shareRests());
        assertThat(leaks(c, hidden)).isEmpty();
    }

    @Property(tries = 1000)
    void theViewersOwnRowIsNeverHidden(@ForAll("cooperations") Case c) {
        SmallNumbers.Hidden hidden = SmallNumbers.hide(c.viewerCode(), c.k(), c.members(), c.shareRests());
        assertThat(hidden.hiddenRows()).doesNotContain(c.viewerCode());
        for (String field : SmallNumbers.POOLED_FIELDS) {
            assertThat(hidden.hides(c.viewerCode(), field)).isFalse();
        }
    }

    @Property(tries = 1000)
    void everyHiddenCellIsNamedInSuppressedAndNoOther(@ForAll("cooperations") Case c) {
        SmallNumbers.Hidden hidden = SmallNumbers.hide(c.viewerCode(), c.k(), c.members(), c.shareRests());
        List<String> codes = c.rows().stream().map(Row::code).toList();
        for (List<String> fields : List.of(SmallNumbers.POOLED_FIELDS, SmallNumbers.COMPARISON_FIELDS)) {
            boolean pooled = fields == SmallNumbers.POOLED_FIELDS;
            Set<String> nulls = new HashSet<>();
            for (Row r : c.rows()) {
                for (String field : fields) {
                    // What the answer shows: the figure, or null where the rule hides it.
                    BigDecimal shown =
                            hidden.hides(r.code(), field) ? null : r.figures().get(field);
                    if (shown == null) {
                        nulls.add(r.code() + " " + field);
                    }
                }
            }
            if (pooled) {
                for (String total : List.of(
                        "placedRecipients",
                        "placementDays",
                        "attributedCosts",
                        "sharedCosts",
                        "expectedGrant",
                        "netCost")) {
                    if (hidden.hidesTotal(total)) {
                        nulls.add("null totals." + total);
                    }
                }
            }
            Set<String> named = new HashSet<>();
            for (SmallNumbers.Cell cell : hidden.cells(codes, fields, pooled)) {
                named.add(cell.municipality() + " " + cell.field());
                assertThat(cell.reason()).contains("fewer than " + c.k());
            }
            assertThat(named).isEqualTo(nulls);
        }
    }

    @Property(tries = 1000)
    void totalsAreShownWheneverTheHiddenRowsRestOnKOrMore(@ForAll("cooperations") Case c) {
        SmallNumbers.Hidden hidden = SmallNumbers.hide(c.viewerCode(), c.k(), c.members(), c.shareRests());
        int hiddenRestOn = c.rows().stream()
                .filter(r -> hidden.hiddenRows().contains(r.code()))
                .mapToInt(Row::n)
                .sum();
        int othersRestOn = c.rows().stream()
                .filter(r -> !r.code().equals(c.viewerCode()))
                .mapToInt(Row::n)
                .sum();
        if (hidden.hiddenRows().isEmpty()) {
            assertThat(hidden.nothingHidden()).isTrue();
            assertThat(hidden.hidesTotal("netCost")).isFalse();
        }
        assertThat(hidden.totalsHidden()).isEqualTo(!hidden.hiddenRows().isEmpty() && hiddenRestOn < c.k());
        // Totals go only when nothing else helps: every other member together rests on fewer than k.
        if (hidden.totalsHidden()) {
            assertThat(othersRestOn).isLessThan(c.k());
        }
        assertThat(hidden.hidesTotal("sharedCosts")).isFalse();
    }

    /**
     * The property's attacker can fail: without the complementary step (primary suppression only)
     * Re (viewer), with Holmestrand resting on 1 placed recipient and Hof on 3, k = 3, would see the
     * totals and Hof's row: a total less Re's and Hof's rows is Holmestrand's figure.
     */
    @Example
    void withoutTheComplementaryStepTheAttackerFindsAHiddenFigure() {
        List<Row> rows = List.of(
                new Row(
                        "0702",
                        1,
                        334,
                        new BigDecimal("200000.00"),
                        new BigDecimal("50000.00"),
                        new BigDecimal("2000000.00"),
                        new BigDecimal("5000.00")),
                new Row(
                        "0714",
                        3,
                        500,
                        new BigDecimal("300000.00"),
                        new BigDecimal("60000.00"),
                        new BigDecimal("3000000.00"),
                        new BigDecimal("6000.00")),
                new Row(
                        "0716",
                        2,
                        600,
                        new BigDecimal("400000.00"),
                        new BigDecimal("70000.00"),
                        new BigDecimal("4000000.00"),
                        new BigDecimal("7000.00")));
        Case c = new Case(rows, 2, 3, true);
        SmallNumbers.Hidden primaryOnly = new SmallNumbers.Hidden(Set.of("0702"), false, true, 3);
        assertThat(leaks(c, primaryOnly))
                .contains("0702 expectedGrant", "0702 attributedCosts", "0702 placedRecipients", "0702 netCost");
        // The rule itself hides 0714 too (smallest n >= k), and nothing can be worked out.
        SmallNumbers.Hidden rule = SmallNumbers.hide("0716", 3, c.members(), true);
        assertThat(rule.hiddenRows()).containsExactlyInAnyOrder("0702", "0714");
        assertThat(rule.totalsHidden()).isFalse();
        assertThat(leaks(c, rule)).isEmpty();
    }

    /**
     * The hidden cells ("code field") whose true value the attacker works out from the shown
     * figures. For each row it tries two things: the shown figures alone, and the shown figures
     * with each column's remainder (a total less the shown figures) taken as this row's figure, which
     * is right when the row is the only one hidden. Then it solves every identity that has a single
     * unknown, until nothing new comes out.
     */
    static List<String> leaks(Case c, SmallNumbers.Hidden hidden) {
        Map<String, BigDecimal> remainders = new HashMap<>();
        for (String column : List.of(
                "placedRecipients",
                "placementDays",
                "attributedCosts",
                "expectedGrant",
                "netCost",
                "sharedCostShare")) {
            BigDecimal total;
            if (column.equals("sharedCostShare")) {
                total = c.sharedCosts(); // the shared costs are always shown
            } else if (hidden.hidesTotal(column)) {
                continue;
            } else {
                total = c.rows().stream().map(r -> r.figures().get(column)).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            for (Row r : c.rows()) {
                if (!hidden.hides(r.code(), column)) {
                    total = total.subtract(r.figures().get(column));
                }
            }
            remainders.put(column, total);
        }
        boolean intrinsicShare = hidden.totalsHidden() && hidden.hiddenRows().size() == 1;
        List<String> leaks = new ArrayList<>();
        for (Row r : c.rows()) {
            Set<String> found = new HashSet<>();
            for (boolean withRemainders : List.of(false, true)) {
                Map<String, BigDecimal> known = new HashMap<>();
                r.figures().forEach((field, value) -> {
                    String column = field.equals("pooledNetCost") ? "netCost" : field;
                    if (!hidden.hides(r.code(), field)) {
                        known.put(field, value);
                    } else if (withRemainders && remainders.containsKey(column)) {
                        known.put(field, remainders.get(column));
                    }
                });
                solve(known);
                r.figures().forEach((field, value) -> {
                    if (hidden.hides(r.code(), field)
                            && known.containsKey(field)
                            && known.get(field).compareTo(value) == 0
                            && !(intrinsicShare && field.equals("sharedCostShare"))) {
                        found.add(r.code() + " " + field);
                    }
                });
            }
            leaks.addAll(found.stream().sorted().toList());
        }
        return leaks;
    }

    /** The identities of a row: target = sum(plus) - sum(minus). */
    record Identity(String target, List<String> plus, List<String> minus) {}

    static final List<Identity> IDENTITIES = List.of(
            // netCost = attributedCosts + sharedCostShare - expectedGrant, solved for each term
            new Identity("netCost", List.of("attributedCosts", "sharedCostShare"), List.of("expectedGrant")),
            new Identity("attributedCosts", List.of("netCost", "expectedGrant"), List.of("sharedCostShare")),
            new Identity("sharedCostShare", List.of("netCost", "expectedGrant"), List.of("attributedCosts")),
            new Identity("expectedGrant", List.of("attributedCosts", "sharedCostShare"), List.of("netCost")),
            // pooledNetCost = netCost (across the two endpoints)
            new Identity("pooledNetCost", List.of("netCost"), List.of()),
            new Identity("netCost", List.of("pooledNetCost"), List.of()),
            // standAloneNetCost = standAloneCosts - standAloneExpectedGrant
            new Identity("standAloneNetCost", List.of("standAloneCosts"), List.of("standAloneExpectedGrant")),
            new Identity("standAloneCosts", List.of("standAloneNetCost", "standAloneExpectedGrant"), List.of()),
            new Identity("standAloneExpectedGrant", List.of("standAloneCosts"), List.of("standAloneNetCost")),
            // savingsFromCooperation = standAloneNetCost - pooledNetCost
            new Identity("savingsFromCooperation", List.of("standAloneNetCost"), List.of("pooledNetCost")),
            new Identity("standAloneNetCost", List.of("savingsFromCooperation", "pooledNetCost"), List.of()),
            new Identity("pooledNetCost", List.of("standAloneNetCost"), List.of("savingsFromCooperation")));

    /** Solves every identity with a single unknown, and the count from the stand-alone costs and back. */
    private static void solve(Map<String, BigDecimal> known) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Identity i : IDENTITIES) {
                if (known.containsKey(i.target())
                        || !known.keySet().containsAll(i.plus())
                        || !known.keySet().containsAll(i.minus())) {
                    continue;
                }
                BigDecimal value = BigDecimal.ZERO;
                for (String term : i.plus()) {
                    value = value.add(known.get(term));
                }
                for (String term : i.minus()) {
                    value = value.subtract(known.get(term));
                }
                known.put(i.target(), value);
                changed = true;
            }
            // standAloneCosts = fixed + variable x placedRecipients (0 without any), both ways
            if (known.containsKey("placedRecipients") && !known.containsKey("standAloneCosts")) {
                BigDecimal n = known.get("placedRecipients");
                known.put("standAloneCosts", n.signum() == 0 ? BigDecimal.ZERO : FIXED.add(VARIABLE.multiply(n)));
                changed = true;
            }
            if (known.containsKey("standAloneCosts") && !known.containsKey("placedRecipients")) {
                BigDecimal[] n = known.get("standAloneCosts").subtract(FIXED).divideAndRemainder(VARIABLE);
                if (n[1].signum() == 0) {
                    known.put("placedRecipients", n[0]);
                    changed = true;
                }
            }
        }
    }
}
