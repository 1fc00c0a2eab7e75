package no.samkost.reimbursement;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeMap;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.ProjectionAssumptions;
import no.samkost.reimbursement.calculation.RuleProjection;
import org.jboss.logging.Logger;

/**
 * The reimbursement parameters of every configured grant year: the built-in ones, versioned with
 * the code, then the operator's directory, whose entries replace built-in years. Loaded once; a
 * broken file stops the start.
 */
@Startup
@ApplicationScoped
public class RuleBook {

    static final String BUILT_IN = "rules/grant-years.yaml";
    static final String BUILT_IN_PROJECTION = "rules/projection.yaml";
    static final String PROJECTION_FILE = "projection.yaml";
    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    private final TreeMap<Integer, GrantRules> byGrantYear = new TreeMap<>();
    private final ProjectionFiles.Defaults projectionDefaults;

    public RuleBook(RulesConfig config) {
        GrantYearFiles files = new GrantYearFiles();
        try (InputStream builtIn =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN)) {
            if (builtIn == null) {
                throw new IllegalStateException("built-in rules " + BUILT_IN + " are missing from the build");
            }
            files.read(builtIn, BUILT_IN).forEach(r -> byGrantYear.put(r.grantYear(), r));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN, e);
        }
        config.dir().map(Path::of).ifPresent(dir -> files.readDirectory(dir).forEach(r -> {
            if (byGrantYear.put(r.grantYear(), r) != null) {
                LOG.infof("grant year %d replaced from %s", r.grantYear(), dir);
            }
        }));
        projectionDefaults =
                ProjectionFiles.defaults(BUILT_IN_PROJECTION, config.dir().map(d -> Path.of(d, PROJECTION_FILE)));
        LOG.infof(
                "reimbursement rules for grant years %s; projected up to %d (yearly wage growth %s, extra step %s, %s)",
                byGrantYear.keySet(),
                newestKnownGrantYear() + RuleProjection.MAX_YEARS_AHEAD,
                projectionDefaults.yearlyWageGrowth(),
                projectionDefaults.yearlyExtraStep(),
                projectionDefaults.origin());
    }

    /** The newest grant year with figures: the base of every projection. */
    public int newestKnownGrantYear() {
        return byGrantYear.lastKey();
    }

    /**
     * The rules of a grant year: its figures when it has them; a projection (PROJECTED, with its
     * assumptions) for one up to {@link RuleProjection#MAX_YEARS_AHEAD} years after the newest
     * with figures; else empty. A request's own assumptions replace the defaults value by value.
     */
    public Optional<GrantRules> rulesFor(int grantYear, ProjectionRequest request) {
        Optional<GrantRules> known = forGrantYear(grantYear);
        if (known.isPresent()) {
            return known;
        }
        int newest = newestKnownGrantYear();
        if (grantYear <= newest || grantYear > newest + RuleProjection.MAX_YEARS_AHEAD) {
            return Optional.empty();
        }
        return Optional.of(RuleProjection.project(byGrantYear.get(newest), grantYear, assumptions(request)));
    }

    /** The assumptions a projection uses: the defaults, with what the request sets instead. */
    public ProjectionAssumptions assumptions(ProjectionRequest request) {
        boolean asked = request != null && (request.yearlyWageGrowth() != null || request.yearlyExtraStep() != null);
        return new ProjectionAssumptions(
                newestKnownGrantYear(),
                asked && request.yearlyWageGrowth() != null
                        ? request.yearlyWageGrowth()
                        : projectionDefaults.yearlyWageGrowth(),
                asked && request.yearlyExtraStep() != null
                        ? request.yearlyExtraStep()
                        : projectionDefaults.yearlyExtraStep(),
                asked ? "request" : projectionDefaults.origin());
    }

    public Optional<GrantRules> forGrantYear(int grantYear) {
        return Optional.ofNullable(byGrantYear.get(grantYear));
    }

    public Collection<GrantRules> all() {
        return byGrantYear.values();
    }
}
