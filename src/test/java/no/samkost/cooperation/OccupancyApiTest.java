package no.samkost.cooperation;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import no.samkost.support.Api;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * getOccupancy: the host reads, per month, the most confirmed placements on one day (what the
 * capacity is checked against); a home reads nothing of it.
 */
@QuarkusTest
class OccupancyApiTest {

    @Test
    void theHostSeesEachMonthsPeakAndAHomeIsRefused() {
        String service = CooperationApiTest.createService("3k", "Occupancy " + Api.uniqueRef("S"), 3);
        String re1 = Api.uniqueRef("OCC");
        String re2 = Api.uniqueRef("OCC");
        String hof1 = Api.uniqueRef("OCC");
        Api.recipient(CooperationApiTest.RE, re1, 1990, false);
        Api.recipient(CooperationApiTest.RE, re2, 1991, false);
        Api.recipient(CooperationApiTest.HOF, hof1, 1992, false);
        // Re's first leaves on 14 March, its second comes on 15 March: March's peak is 1, not 2.
        CooperationApiTest.placeUntil("3k", service, CooperationApiTest.RE, re1, "2027-01-01", "2027-03-14", "10");
        CooperationApiTest.place("3k", service, CooperationApiTest.RE, re2, "2027-03-15", "12");
        // Hof's from 1 February to 31 May overlaps both.
        CooperationApiTest.placeUntil("3k", service, CooperationApiTest.HOF, hof1, "2027-02-01", "2027-05-31", "8");
        // A request the host has not confirmed takes no place.
        String unconfirmed = Api.uniqueRef("OCC");
        Api.recipient(CooperationApiTest.HOF, unconfirmed, 1993, false);
        CooperationApiTest.request("3k", service, CooperationApiTest.HOF, unconfirmed, "2027-01-01", null);

        JsonPath occupancy = given().auth()
                .oauth2(Tokens.coordinator(CooperationApiTest.HOST))
                .get("/api/v1/cooperations/3k/services/{s}/occupancy/2027", service)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, occupancy.getInt("capacity"));
        // written out by hand: Jan re1; Feb re1+hof1; Mar re1+hof1 (to 14th), re2+hof1 (from 15th);
        // Apr, May re2+hof1; Jun-Dec re2
        assertEquals(List.of(1, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1), occupancy.getList("months.peakPlacements"));
        assertEquals("2027-03", occupancy.getString("months[2].month"));

        given().auth()
                .oauth2(Tokens.coordinator(CooperationApiTest.RE))
                .get("/api/v1/cooperations/3k/services/{s}/occupancy/2027", service)
                .then()
                .spec(problem(403, "forbidden"));
    }
}
