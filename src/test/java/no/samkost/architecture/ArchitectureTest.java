package no.samkost.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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

    static final String ROOT = "no.samkost";

    /** The ground floor: every feature may use them; they use no feature. */
    static final List<String> WALLS = List.of("tenancy", "common");

    /** Features: each reaches another only through what that one publishes (see {@link #published}). */
    static final List<String> FEATURES =
            List.of("audit", "recipients", "costs", "reimbursement", "cooperation", "planning");

    /** The application around the features: entry points that may use features' published classes. */
    static final List<String> APPLICATION = List.of("demo", "runtime", "web");

    /**
     * Classes published beyond the general definition in {@link #published}, each with its reason.
     * Keep it short: a class here is a promise to other features.
     */
    static final Map<String, String> ALSO_PUBLISHED = Map.of(
            "no.samkost.costs.CostLineRules",
            "the ledger's input rules (period, amount, note); a joint service's costs follow the same rules",
            "no.samkost.recipients.PseudonymousRef",
            "the rule for a pseudonymous reference: the future-needs register's refs follow the recipients' rule",
            "no.samkost.recipients.BirthYear",
            "the plausible birth years: the future-needs register's youths are checked as recipients are",
            "no.samkost.planning.HousingSql",
            "where a recipient lives on a day: a cooperation's key figures read it in each member's rows as the"
                    + " municipality's own do");

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
                "no.samkost.cooperation.calculation",
                "no.samkost.planning.calculation")) {
            if (main.stream().noneMatch(c -> c.getPackageName().equals(pkg))) {
                throw new AssertionError("package " + pkg + " has no classes");
            }
        }
        if (main.stream().noneMatch(c -> c.isAnnotatedWith(Entity.class))) {
            throw new AssertionError("no entities found");
        }
        for (String pkg :
                List.of("no.samkost.cooperation.persistence", "no.samkost.cooperation.api", "no.samkost.demo")) {
            if (main.stream().noneMatch(c -> c.getPackageName().equals(pkg))) {
                throw new AssertionError("package " + pkg + " has no classes");
            }
        }
        for (String module : modules()) {
            if (main.stream().noneMatch(c -> module(c).equals(Optional.of(module)))) {
                throw new AssertionError("module " + module + " has no classes: the rules about it check nothing");
            }
        }
        for (String name : ALSO_PUBLISHED.keySet()) {
            if (!main.contain(name)) {
                throw new AssertionError(name + " is published but does not exist");
            }
        }
    }

    static List<String> modules() {
        return java.util.stream.Stream.of(WALLS, FEATURES, APPLICATION)
                .flatMap(List::stream)
                .toList();
    }

    /** The top-level package under no.samkost a class belongs to, if any. */
    static Optional<String> module(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /**
     * What a feature publishes to the others: its services (public classes annotated
     * {@code @ApplicationScoped} in the feature's own package, not in a sub-package such as
     * {@code persistence}, and not repositories); the records, enums and sealed interfaces in its own package or its {@code api} package,
     * nested ones included (the services' request and response types); its {@code calculation}
     * package (plain-Java rules, see {@link #calculationsArePlainJava}); and
     * {@link #ALSO_PUBLISHED}. Everything else (resources, repositories, persistence, entities,
     * helpers) is the feature's own.
     */
    static boolean published(JavaClass target, String feature) {
        String own = ROOT + "." + feature;
        JavaClass top = target;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        String pkg = target.getPackageName();
        boolean service = pkg.equals(own)
                && target.isAnnotatedWith(ApplicationScoped.class)
                && target.getModifiers().contains(JavaModifier.PUBLIC)
                && target.getAllRawInterfaces().stream()
                        .noneMatch(i -> i.getPackageName().startsWith("io.quarkus.hibernate"));
        boolean apiType = (pkg.equals(own) || pkg.equals(own + ".api"))
                && (target.isRecord()
                        || target.isEnum()
                        // a sealed interface over such records (one of several kinds of a value)
                        || (target.isInterface() && target.reflect().isSealed()));
        boolean calculation = pkg.equals(own + ".calculation");
        return service || apiType || calculation || ALSO_PUBLISHED.containsKey(top.getName());
    }

    @Test
    void everyPackageIsAWallAFeatureOrTheApplication() {
        Set<String> unknown = main.stream()
                .map(ArchitectureTest::module)
                .flatMap(Optional::stream)
                .filter(m -> !modules().contains(m))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new AssertionError("packages that no boundary rule covers: " + unknown
                    + "; add each to WALLS, FEATURES or APPLICATION");
        }
    }

    @Test
    void theWallsImportNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        WALLS.stream().map(w -> ROOT + "." + w + "..").toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(java.util.stream.Stream.concat(FEATURES.stream(), APPLICATION.stream())
                        .map(f -> ROOT + "." + f + "..")
                        .toArray(String[]::new))
                .because("tenancy and common are the ground floor: a feature builds on them, never the reverse")
                .allowEmptyShould(false)
                .check(main);
    }

    @Test
    void commonDependsOnNothingElseOfOurs() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(modules().stream()
                        .filter(m -> !m.equals("common"))
                        .map(m -> ROOT + "." + m + "..")
                        .toArray(String[]::new))
                .because("common holds only what two features share, and knows none of them, not even tenancy")
                .allowEmptyShould(false)
                .check(main);
    }

    @Test
    void featuresReachEachOtherOnlyThroughWhatTheyPublish() {
        classes()
                .that()
                .resideInAnyPackage(java.util.stream.Stream.concat(FEATURES.stream(), APPLICATION.stream())
                        .map(f -> ROOT + "." + f + "..")
                        .toArray(String[]::new))
                .should(new ArchCondition<>("use another feature only through its services and their API types") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String from = module(origin).orElseThrow();
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            while (target.isArray()) {
                                target = target.getComponentType();
                            }
                            Optional<String> to = module(target);
                            if (to.isPresent()
                                    && !to.get().equals(from)
                                    && FEATURES.contains(to.get())
                                    && !published(target, to.get())) {
                                events.add(SimpleConditionEvent.violated(
                                        d, d.getDescription() + ": " + target.getName() + " is not published"));
                            }
                        }
                    }
                })
                .allowEmptyShould(false)
                .check(main);
    }

    @Test
    void pagesReachDataOnlyThroughTheServicesTheApiUses() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "jakarta.persistence..", "org.hibernate..", "io.agroal..")
                .because("there is no second path to the data: a page shows what the API's services answer")
                .allowEmptyShould(false)
                .check(main);
    }

    @Test
    void cooperationSqlLivesInItsPersistencePackage() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".cooperation..")
                .and()
                .resideOutsideOfPackage(ROOT + ".cooperation.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "jakarta.persistence..", "org.hibernate..")
                .because("every statement the cooperation module runs, in any member's rows, stands in one place")
                .allowEmptyShould(false)
                .check(main);
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
                .resideOutsideOfPackages("no.samkost.cooperation.persistence..", "no.samkost.tenancy..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(no.samkost.tenancy.MemberDatabaseAccess.class)
                .because("rebinding the database wall to another municipality is for cooperation aggregates only, "
                        + "and only its persistence classes do it, so every crossing stands in one place")
                .allowEmptyShould(false)
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
