package no.samkost.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.samkost.reimbursement.calculation.GrantReason;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientYear;
import no.samkost.support.Database;
import no.samkost.support.GrantReference;
import no.samkost.support.Money;
import no.samkost.support.Tokens;

/**
 * What the benchmark checks before it times anything: that the service's answers are right, by
 * references computed from the generated data (the ledger's lines, the placement plan) and
 * DOMAIN.md's rules, never from the service's own totals.
 */
final class BenchAnswers {

    private BenchAnswers() {}

    /** IS-4/2024 (costs of 2023), as DOMAIN.md states it (verified). */
    static final GrantRules IS_4_2024 = GrantReference.IS_4_2024;

    /** One money figure from SQL (as the superuser). */
    static BigDecimal money(String sql, Object... parameters) throws Exception {
        try (Connection c = Database.superuser();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                BigDecimal value = rs.getBigDecimal(1);
                return value == null ? new BigDecimal("0.00") : value;
            }
        }
    }

    /** The ledger's direct wage costs of a municipality and year: lines and yearly totals must agree. */
    static BigDecimal directWages(String municipalityId, int year) throws Exception {
        BigDecimal lines = money(
                "select sum(amount) from cost_line where municipality_id = ? and category = 'DIRECT_WAGES'"
                        + " and period >= ? and period < ?",
                municipalityId,
                LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1));
        BigDecimal totals = money(
                "select sum(direct_wage_costs) from cost_year_total where municipality_id = ? and year = ?",
                municipalityId,
                year);
        assertThat(totals)
                .as("yearly totals vs lines, %s %d", municipalityId, year)
                .isEqualByComparingTo(lines);
        return lines;
    }

    /** Each recipient's figures of a cost year, summed from the monthly lines, by municipality id. */
    static Map<String, List<RecipientYear>> costYearFromLines(String municipalityIdLike, int year) throws Exception {
        Map<String, List<RecipientYear>> byMunicipality = new TreeMap<>();
        try (Connection c = Database.superuser();
                PreparedStatement s = c.prepareStatement(
                        """
                        select r.municipality_id, r.ref, r.birth_year, r.intellectual_disability,
                               coalesce(sum(c.amount) filter (where c.category in
                                        ('DIRECT_WAGES', 'PURCHASED_SERVICES', 'JOINT_SERVICE')), 0),
                               coalesce(sum(c.amount) filter (where c.category = 'EARMARKED_GRANT'), 0),
                               coalesce(sum(c.amount) filter (where c.category = 'HOST_MUNICIPALITY_GRANT'), 0),
                               coalesce(sum(c.amount) filter (where c.category = 'USER_PAYMENT'), 0)
                        from cost_line c
                        join recipient r on r.municipality_id = c.municipality_id and r.id = c.recipient_id
                        where c.municipality_id like ? and c.period >= ? and c.period < ?
                        group by 1, 2, 3, 4""")) {
            s.setString(1, municipalityIdLike);
            s.setObject(2, LocalDate.of(year, 1, 1));
            s.setObject(3, LocalDate.of(year + 1, 1, 1));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byMunicipality
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new RecipientYear(
                                    rs.getString(2),
                                    rs.getInt(3),
                                    rs.getBoolean(4),
                                    rs.getBigDecimal(5).setScale(2),
                                    rs.getBigDecimal(6).setScale(2),
                                    rs.getBigDecimal(7).setScale(2),
                                    rs.getBigDecimal(8).setScale(2)));
                }
            }
        }
        return byMunicipality;
    }

    static JsonPath get(String token, String path, Object... parameters) {
        return given().config(Money.exact())
                .auth()
                .oauth2(token)
                .get(path, parameters)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
    }

    /**
     * The claim of {@code code} for the cost year against the reference: its totals always, and with
     * {@code everyLine} each recipient's figures too.
     */
    static void claimIsRight(String code, int costYear, List<RecipientYear> lines, boolean everyLine) {
        JsonPath claim = get(Tokens.viewer(code), "/api/v1/municipalities/{code}/claims/{year}", code, costYear);
        long costs = 0;
        long basis = 0;
        long grant = 0;
        for (RecipientYear r : lines) {
            GrantReference.Figures expected = GrantReference.grant(IS_4_2024, r);
            costs += GrantReference.ore(r.directWageCosts());
            basis += expected.basis();
            grant += expected.grant();
            if (everyLine) {
                String line = "recipients.find { it.ref == '" + r.ref() + "' }";
                assertEquals(r.directWageCosts(), claim.get(line + ".costs"), r.ref());
                assertEquals(r.userPayments(), claim.get(line + ".deductions.userPayments"), r.ref());
                assertEquals(
                        expected,
                        new GrantReference.Figures(
                                claim.get(line + ".eligible"),
                                claim.get(line + ".reason") == null
                                        ? null
                                        : GrantReason.valueOf(claim.get(line + ".reason")),
                                GrantReference.ore(claim.get(line + ".deductions.intellectualDisability")),
                                GrantReference.ore(claim.get(line + ".basis")),
                                GrantReference.ore(claim.get(line + ".grant"))),
                        r.ref());
            }
        }
        assertEquals(lines.size(), claim.getInt("totals.recipients"), code);
        assertEquals(lines.size(), claim.getList("recipients").size(), code);
        assertThat((BigDecimal) claim.get("totals.costs")).as(code).isEqualByComparingTo(BigDecimal.valueOf(costs, 2));
        assertThat((BigDecimal) claim.get("totals.basis")).as(code).isEqualByComparingTo(BigDecimal.valueOf(basis, 2));
        assertThat((BigDecimal) claim.get("totals.grant")).as(code).isEqualByComparingTo(BigDecimal.valueOf(grant, 2));
    }

    /** One placement as the benchmark made it: service, home municipality code, ref, from, to (null: open). */
    record Placed(String service, String code, String ref, LocalDate from, LocalDate to) {
        long daysIn(LocalDate first, LocalDate last) {
            long days = 0;
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (!d.isBefore(from) && (to == null || !d.isAfter(to))) {
                    days++;
                }
            }
            return days;
        }
    }

    /**
     * The pooled figures against the plan: days and placed recipients per member; the shared costs
     * in full; attributed costs equal the wages of every month someone was placed, and each
     * member's equal the JOINT_SERVICE lines in its own ledger; expected grants equal the
     * reference grants of its placed recipients; every row and the totals add up.
     */
    static void pooledIsRight(
            String cooperation,
            String viewerCode,
            int costYear,
            List<Placed> plan,
            BigDecimal monthlyWages,
            BigDecimal sharedCosts)
            throws Exception {
        JsonPath pooled =
                get(Tokens.viewer(viewerCode), "/api/v1/cooperations/{id}/pooled/{year}", cooperation, costYear);
        LocalDate first = LocalDate.of(costYear, 1, 1);
        LocalDate last = LocalDate.of(costYear, 12, 31);
        BigDecimal attributedWages = new BigDecimal("0.00");
        for (String service : plan.stream().map(Placed::service).distinct().toList()) {
            for (int month = 1; month <= 12; month++) {
                LocalDate start = LocalDate.of(costYear, month, 1);
                LocalDate end = start.plusMonths(1).minusDays(1);
                if (plan.stream().anyMatch(p -> p.service().equals(service) && p.daysIn(start, end) > 0)) {
                    attributedWages = attributedWages.add(monthlyWages);
                }
            }
        }
        Map<String, List<RecipientYear>> lines = costYearFromLines("synthetic-%", costYear);
        List<String> codes = plan.stream().map(Placed::code).distinct().sorted().toList();
        assertEquals(codes, pooled.getList("members.municipality"));
        BigDecimal[] sums = {
            new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00")
        };
        long days = 0;
        int placed = 0;
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String row = "members[" + i + "].";
            List<Placed> own = plan.stream().filter(p -> p.code().equals(code)).toList();
            java.util.Set<String> refs =
                    new HashSet<>(own.stream().map(Placed::ref).toList());
            long ownDays = own.stream().mapToLong(p -> p.daysIn(first, last)).sum();
            assertEquals(refs.size(), pooled.getInt(row + "placedRecipients"), code);
            assertEquals(ownDays, pooled.getLong(row + "placementDays"), code);
            BigDecimal attributed = pooled.get(row + "attributedCosts");
            BigDecimal share = pooled.get(row + "sharedCostShare");
            BigDecimal grant = pooled.get(row + "expectedGrant");
            BigDecimal net = pooled.get(row + "netCost");
            assertThat(attributed)
                    .as("%s attributed vs its JOINT_SERVICE lines", code)
                    .isEqualByComparingTo(money(
                            "select sum(amount) from cost_line where municipality_id = ? and category = 'JOINT_SERVICE'"
                                    + " and period >= ? and period < ?",
                            "synthetic-" + code,
                            first,
                            last.plusDays(1)));
            long referenceGrant = 0;
            for (RecipientYear r : lines.getOrDefault("synthetic-" + code, List.of())) {
                if (refs.contains(r.ref())) {
                    referenceGrant += GrantReference.grant(IS_4_2024, r).grant();
                }
            }
            assertThat(grant).as("%s expected grant", code).isEqualByComparingTo(BigDecimal.valueOf(referenceGrant, 2));
            assertThat(net)
                    .as("%s net = attributed + share - grant", code)
                    .isEqualByComparingTo(attributed.add(share).subtract(grant));
            sums[0] = sums[0].add(attributed);
            sums[1] = sums[1].add(share);
            sums[2] = sums[2].add(grant);
            sums[3] = sums[3].add(net);
            days += ownDays;
            placed += refs.size();
        }
        assertEquals(placed, pooled.getInt("totals.placedRecipients"));
        assertEquals(days, pooled.getLong("totals.placementDays"));
        assertThat((BigDecimal) pooled.get("totals.attributedCosts"))
                .as("attributed: the wages of every month with a placement")
                .isEqualByComparingTo(attributedWages)
                .isEqualByComparingTo(sums[0]);
        assertThat((BigDecimal) pooled.get("totals.sharedCosts"))
                .isEqualByComparingTo(sharedCosts)
                .isEqualByComparingTo(sums[1]);
        assertThat((BigDecimal) pooled.get("totals.expectedGrant")).isEqualByComparingTo(sums[2]);
        assertThat((BigDecimal) pooled.get("totals.netCost")).isEqualByComparingTo(sums[3]);
    }
}
