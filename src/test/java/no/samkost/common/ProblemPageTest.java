package no.samkost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "not logged in" page clears the browser's session cookies (a session cookie that cannot be
 * read would otherwise be sent again and again), and only those. The whole path, with a real
 * browser login, is BrowserIT's.
 */
class ProblemPageTest {

    @Test
    void theNotLoggedInPageClearsEverySessionCookieAndItsChunksAndNothingElse() {
        Response page = ProblemPage.unauthenticated(List.of(
                "q_session_web-re", "q_session_web-re_chunk_1", "other", "q_session_web-bad name", "q_auth_web-re"));
        assertEquals(401, page.getStatus());
        assertEquals(
                List.of(
                        "q_session_web-re=; Path=/app; Max-Age=0; HttpOnly; SameSite=Lax",
                        "q_session_web-re_chunk_1=; Path=/app; Max-Age=0; HttpOnly; SameSite=Lax"),
                page.getHeaders().get("Set-Cookie"));
        String html = (String) page.getEntity();
        assertTrue(html.contains("data-problem-type=\"urn:samkost:problem:unauthenticated\""), html);
        assertTrue(html.contains("<h1>Ikke innlogget</h1>"), html);
        assertTrue(html.contains("<a href=\"/app/\">Logg inn på nytt</a>"), html);
    }
}
