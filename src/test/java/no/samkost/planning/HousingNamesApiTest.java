package no.samkost.planning;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/** Holmestrand renames a housing form and a base level, and gets Drammen's names back. */
@QuarkusTest
class HousingNamesApiTest {

    static final String HOLMESTRAND = "0702";
    static final String PATH = "/api/v1/municipalities/{code}/planning/housing-names";

    static Response put(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json; charset=UTF-8")
                .body(body)
                .put(PATH, HOLMESTRAND);
    }

    @Test
    void aRenameIsShownWithItsDefaultAndLeavingItOutRestoresTheDefault() throws Exception {
        String coordinator = Tokens.coordinator(HOLMESTRAND);
        String rename = "{\"housingForms\":[{\"housingForm\":1,\"name\":\" Egen leilighet \"}],"
                + "\"baseLevels\":[{\"baseLevel\":\"EKSTRA\",\"name\":\"Døgnbase\"}]}";
        put(coordinator, rename)
                .then()
                .statusCode(200)
                .body("housingForms[0].name", equalTo("Egen leilighet"))
                .body("housingForms[0].renamed", equalTo(true))
                .body("housingForms[0].defaultName", equalTo("Egen bolig med tjenester i hjemmet"))
                .body("housingForms[4].name", equalTo("Forsterket bolig, bemannet"))
                .body("baseLevels[3].baseLevel", equalTo("EKSTRA"))
                .body("baseLevels[3].name", equalTo("Døgnbase"));
        given().auth()
                .oauth2(Tokens.viewer(HOLMESTRAND))
                .get(PATH, HOLMESTRAND)
                .then()
                .statusCode(200)
                .body("housingForms[0].name", equalTo("Egen leilighet"))
                .body("baseLevels[0].renamed", equalTo(false));

        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        put(coordinator, rename).then().statusCode(200);
        assertEquals(before, Database.fingerprintExcept("audit_entry"), "the same names again change nothing");

        put(coordinator, "{}")
                .then()
                .statusCode(200)
                .body("housingForms[0].name", equalTo("Egen bolig med tjenester i hjemmet"))
                .body("baseLevels[3].renamed", equalTo(false));
        assertEquals(
                "0", Database.text("select count(*)::text from housing_name where municipality_id = ?", "holmestrand"));
    }

    @Test
    void aSecondNameForOneFormOrABlankNameIsRefusedByFieldAndAViewerCannotRename() throws Exception {
        Map<String, String> before = Database.fingerprint();
        put(
                        Tokens.coordinator(HOLMESTRAND),
                        "{\"housingForms\":[{\"housingForm\":2,\"name\":\"A\"},{\"housingForm\":2,\"name\":\"B\"}]}")
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("housingForms[1].housingForm"));
        put(Tokens.coordinator(HOLMESTRAND), "{\"baseLevels\":[{\"baseLevel\":\"BASIS\",\"name\":\"   \"}]}")
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("baseLevels[0].name"));
        put(Tokens.viewer(HOLMESTRAND), "{}").then().spec(problem(403, "forbidden"));
        assertEquals(before, Database.fingerprint());
    }
}
