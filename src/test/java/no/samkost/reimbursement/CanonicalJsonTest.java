package no.samkost.reimbursement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical form written out by hand, and its hash computed by a known answer. */
class CanonicalJsonTest {

    enum Kind {
        A_KIND
    }

    record Inner(BigDecimal zeta, Integer alpha, Boolean beta) {}

    record Outer(String text, List<Inner> items, Kind kind, String nothing, int count) {}

    @Test
    void keysSortedNoWhitespaceNumbersPlainStringsEscapedMinimally() {
        Outer value = new Outer(
                "a \"quoted\" back\\slash, \u0001 and æøå",
                List.of(
                        new Inner(new BigDecimal("1608000.00"), 7, true),
                        new Inner(new BigDecimal("0.80"), null, null)),
                Kind.A_KIND,
                null,
                3);
        assertEquals(
                "{\"count\":3,\"items\":[{\"alpha\":7,\"beta\":true,\"zeta\":1608000.00},"
                        + "{\"alpha\":null,\"beta\":null,\"zeta\":0.80}],\"kind\":\"A_KIND\",\"nothing\":null,"
                        + "\"text\":\"a \\\"quoted\\\" back\\\\slash, \\u0001 and æøå\"}",
                CanonicalJson.write(value));
    }

    @Test
    void aLargeAmountIsWrittenWithoutAnExponent() {
        assertEquals(
                "{\"alpha\":null,\"beta\":null,\"zeta\":100000000000.00}",
                CanonicalJson.write(new Inner(new BigDecimal("1E+11").setScale(2), null, null)));
    }

    @Test
    void aMapIsAnObjectInKeyOrderWhateverItsOwnOrder() {
        java.util.Map<String, Object> inserted = new java.util.LinkedHashMap<>();
        inserted.put("threshold", Kind.A_KIND);
        inserted.put("compensationRate", new BigDecimal("0.80"));
        inserted.put("alpha", null);
        assertEquals(
                "{\"alpha\":null,\"compensationRate\":0.80,\"threshold\":\"A_KIND\"}", CanonicalJson.write(inserted));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> CanonicalJson.write(java.util.Map.of(1, "a number as a key")));
    }

    @Test
    void theHashIsTheSha256OfTheUtf8Bytes() {
        // sha256("abc"), the FIPS 180-2 example
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", CanonicalJson.sha256("abc"));
    }
}
