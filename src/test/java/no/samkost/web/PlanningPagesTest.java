package no.samkost.web;

import static no.samkost.cooperation.CooperationApiTest.RE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import no.samkost.support.HtmlPages;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanningPagesTest {

    @Test
    void everyPlanningPageRendersForTheCoordinatorAndTheViewer() {
        for (String token : new String[] {Tokens.coordinator(RE), Tokens.viewer(RE)}) {
            for (String path : new String[] {
                "/app/0716/planlegging", "/app/0716/planlegging/behov", "/app/0716/planlegging/register"
            }) {
                String html = HtmlPages.as(token)
                        .get(path)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                assertTrue(html.contains("aria-label=\"Planlegging\""), html);
            }
            HtmlPages.as(token).get("/app/0716/samarbeid/3k/risiko").then().statusCode(200);
        }
    }
}
