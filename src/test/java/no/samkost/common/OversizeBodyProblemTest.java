package no.samkost.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which multipart bodies get the CSV limit: the import page's only. (Over HTTP an unsized body on
 * another path is refused with 411 before it is read, but the client may still be writing it when
 * the connection closes, so that race is not a test.)
 */
class OversizeBodyProblemTest {

    @Test
    void onlyTheImportPageIsAnUploadPath() {
        assertTrue(OversizeBodyProblem.isCsvUploadPage("/app/0716/kostnader/import"));
        assertFalse(OversizeBodyProblem.isCsvUploadPage("/app/0716/mottakere"));
        assertFalse(OversizeBodyProblem.isCsvUploadPage("/app/0716/kostnader"));
        assertFalse(OversizeBodyProblem.isCsvUploadPage("/app/0716/kostnader/import/more"));
        assertFalse(OversizeBodyProblem.isCsvUploadPage("/app/0716/krav/innsending"));
        assertFalse(OversizeBodyProblem.isCsvUploadPage("/api/v1/municipalities/0716/costs/import"));
        assertFalse(OversizeBodyProblem.isCsvUploadPage("/app/abcd/kostnader/import"));
        assertFalse(OversizeBodyProblem.isCsvUploadPage(null));
    }
}
