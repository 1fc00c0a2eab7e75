package no.samkost.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "samkost.tenants")
public interface TenancyConfig {
    /** Directory with one YAML file per municipality and cooperations/ beside them. */
    @WithDefault("tenants")
    String dir();
}
