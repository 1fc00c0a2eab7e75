package no.samkost.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link ContractValidation} in front of RestAssured for every {@code @QuarkusTest}, without
 * any test asking for it (registered in META-INF/services). Before the class, so that requests of
 * {@code @BeforeAll} methods are checked too; before each test again, in case a test reset
 * RestAssured's filters.
 */
public class ContractValidationInstaller implements QuarkusTestBeforeClassCallback, QuarkusTestBeforeEachCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        install();
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    static synchronized void install() {
        if (!RestAssured.filters().contains(ContractValidation.INSTANCE)) {
            RestAssured.filters(ContractValidation.INSTANCE);
        }
    }
}
