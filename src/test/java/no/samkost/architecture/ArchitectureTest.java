package no.samkost.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import java.util.List;
import org.hibernate.annotations.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries that keep tenants apart and money exact, checked on every build. */
class ArchitectureTest {

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("no.samkost");
    }

    /** Entities that are not tenant-owned must be listed here, on purpose, with a reason. */
    static final List<String> SHARED_ENTITIES = List.of();

    @Test
    void theRulesLookAtRealClasses() {
        // A rule over an empty or misspelt package checks nothing; make sure these exist.
        for (String pkg : List.of(
                "no.samkost.tenancy",
                "no.samkost.recipients",
                "no.samkost.common",
                "no.samkost.audit",
                "no.samkost.reimbursement.calculation",
                "no.samkost.cooperation.calculation")) {
            if (main.stream().noneMatch(c -> c.getPackageName().equals(pkg))) {
                throw new AssertionError("package " + pkg + " has no classes");
            }
        }
        if (main.stream().noneMatch(c -> c.isAnnotatedWith(Entity.class))) {
            throw new AssertionError("no entities found");
        }
    }

    @Test
    void everyEntityIsTenantOwned() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .and()
                .doNotHaveFullyQualifiedName(String.join("|", SHARED_ENTITIES))
                .should(new com.tngtech.archunit.lang.ArchCondition<>("have a @TenantId field") {
                    @Override
                    public void check(
                            com.tngtech.archunit.core.domain.JavaClass entity,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        boolean tenantOwned =
                                entity.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(TenantId.class));
                        if (!tenantOwned) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                    entity, entity.getName() + " has no @TenantId field"));
                        }
                    }
                })
                .check(main);
    }

    @Test
    void noStatelessSessions() {
        // Hibernate 7.2's StatelessSession.update wrote across tenants (HHH-20883).
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.hibernate.StatelessSession")
                .check(main);
    }

    @Test
    void noFloatingPointFields() {
        ArchRule rule = fields().should()
                .notHaveRawType(double.class)
                .andShould()
                .notHaveRawType(Double.class)
                .andShould()
                .notHaveRawType(float.class)
                .andShould()
                .notHaveRawType(Float.class)
                .because("money is BigDecimal; nothing here needs floating point");
        rule.check(main);
    }

    @Test
    void resourcesDoNotTouchThePersistenceLayer() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate..")
                .because("resources stay thin: HTTP in, one service call, HTTP out")
                .check(main);
    }

    @Test
    void nothingButTenancyReadsTheTokenDirectly() {
        noClasses()
                .that()
                .resideOutsideOfPackage("no.samkost.tenancy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.quarkus.oidc..", "org.eclipse.microprofile.jwt..")
                .because("the municipality comes from the verified token, through tenancy only")
                .check(main);
    }

    @Test
    void calculationsArePlainJava() {
        classes()
                .that()
                .resideInAPackage("no.samkost..calculation..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "no.samkost..calculation..")
                .because("the money rules are tested and read without a framework in the way")
                .check(main);
    }

    @Test
    void onlyTheCooperationModuleCrossesIntoAnotherMembersRows() {
        noClasses()
                .that()
                .resideOutsideOfPackages("no.samkost.cooperation..", "no.samkost.tenancy..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(no.samkost.tenancy.MemberDatabaseAccess.class)
                .because("rebinding the database wall to another municipality is for cooperation aggregates only")
                .check(main);
    }

    @Test
    void onlyTheDemoLoaderActsWithoutAToken() {
        noClasses()
                .that()
                .resideOutsideOfPackages("no.samkost.demo..", "no.samkost.tenancy..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(no.samkost.tenancy.ActingMunicipality.class)
                .because("every other caller's municipality comes from a verified token")
                .check(main);
    }
}
