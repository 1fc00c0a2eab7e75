package no.samkost.reimbursement;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "samkost.rules")
public interface RulesConfig {
    /** Optional directory of grant-year files that add to and override the built-in ones. */
    Optional<String> dir();
}
