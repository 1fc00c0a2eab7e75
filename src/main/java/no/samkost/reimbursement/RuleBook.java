package no.samkost.reimbursement;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.samkost.reimbursement.calculation.GrantRules;
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
    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    private final Map<Integer, GrantRules> byGrantYear = new TreeMap<>();

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
        LOG.infof("reimbursement rules for grant years %s", byGrantYear.keySet());
    }

    public Optional<GrantRules> forGrantYear(int grantYear) {
        return Optional.ofNullable(byGrantYear.get(grantYear));
    }

    public Collection<GrantRules> all() {
        return byGrantYear.values();
    }
}
