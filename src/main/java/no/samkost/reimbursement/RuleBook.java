package no.samkost.reimbursement;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.ProjectionAssumptions;
import no.samkost.reimbursement.calculation.RuleEntry;
import no.samkost.reimbursement.calculation.RuleProjection;
import org.jboss.logging.Logger;

/**
 * The reimbursement parameters by grant year: the built-in entries, versioned with the code, then
 * the operator's directory, whose entries replace built-in years; a value no entry gives comes
 * from the pattern or is projected. Loaded once; a broken file stops the start.
 */
@Startup
@ApplicationScoped
public class RuleBook {

    static final String BUILT_IN = "rules/grant-years.yaml";
    static final String BUILT_IN_PROJECTION = "rules/projection.yaml";
    static final String PROJECTION_FILE = "projection.yaml";
    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    private final TreeMap<Integer, RuleEntry> byGrantYear = new TreeMap<>();
    private final ProjectionFiles.Defaults projectionDefaults;
    private final Map<Integer, GrantRules> underDefaults = new HashMap<>();

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
        ProjectionAssumptions defaults = assumptions(ProjectionRequest.DEFAULTS);
        for (int year = firstGrantYear(); year <= lastGrantYear(); year++) {
            RuleProjection.complete(byGrantYear, year, defaults).ifPresent(r -> underDefaults.put(r.grantYear(), r));
        }
        LOG.infof(
                "reimbursement rules: entries for grant years %s; answered from %d to %d (missing values projected"
                        + " at yearly wage growth %s, extra step %s, %s)",
                byGrantYear.keySet(),
                firstGrantYear(),
                lastGrantYear(),
                projectionDefaults.yearlyWageGrowth(),
                projectionDefaults.yearlyExtraStep(),
                projectionDefaults.origin());
    }

    /** The newest grant year the book has an entry for: projections reach ten years past it. */
    public int newestKnownGrantYear() {
        return byGrantYear.lastKey();
    }

    /** The first grant year with rules. */
    public int firstGrantYear() {
        return byGrantYear.firstKey();
    }

    /** The last grant year a projection reaches. */
    public int lastGrantYear() {
        return newestKnownGrantYear() + RuleProjection.MAX_YEARS_AHEAD;
    }

    /**
     * The rules of a grant year from its entry, the pattern and projections (see {@link
     * RuleProjection#complete}); empty outside {@link #firstGrantYear()} to {@link #lastGrantYear()}.
     * A request's own assumptions replace the defaults value by value.
     */
    public Optional<GrantRules> rulesFor(int grantYear, ProjectionRequest request) {
        if (!asks(request)) {
            return forGrantYear(grantYear);
        }
        return RuleProjection.complete(byGrantYear, grantYear, assumptions(request));
    }

    /** The assumptions a projection uses: the defaults, with what the request sets instead. */
    public ProjectionAssumptions assumptions(ProjectionRequest request) {
        boolean asked = asks(request);
        return new ProjectionAssumptions(
                asked && request.yearlyWageGrowth() != null
                        ? request.yearlyWageGrowth()
                        : projectionDefaults.yearlyWageGrowth(),
                asked && request.yearlyExtraStep() != null
                        ? request.yearlyExtraStep()
                        : projectionDefaults.yearlyExtraStep(),
                asked ? "request" : projectionDefaults.origin());
    }

    private static boolean asks(ProjectionRequest request) {
        return request != null && (request.yearlyWageGrowth() != null || request.yearlyExtraStep() != null);
    }

    /**
     * The rules of a grant year under a plan's own assumptions, reaching {@link
     * RuleProjection#PLANNING_YEARS_AHEAD} past the newest entry: a scenario looks further ahead
     * than a claim ever needs.
     */
    public Optional<GrantRules> forPlanning(int grantYear, ProjectionAssumptions assumptions) {
        return RuleProjection.complete(byGrantYear, grantYear, assumptions, RuleProjection.PLANNING_YEARS_AHEAD);
    }

    /** The rules of a grant year under the default assumptions. */
    public Optional<GrantRules> forGrantYear(int grantYear) {
        return Optional.ofNullable(underDefaults.get(grantYear));
    }

    /** What the book holds, year by year, before anything is projected. */
    public Collection<RuleEntry> entries() {
        return byGrantYear.values();
    }
}
