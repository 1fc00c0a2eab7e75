package no.samkost.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request body limits by kind. quarkus.http.limits.max-body-size is the hard ceiling for
 * everything and must be at least {@link #csv()}.
 */
@ConfigMapping(prefix = "samkost.http.max-body-size")
public interface BodyLimits {
    /** JSON and anything that is not a CSV import. */
    @WithDefault("1M")
    MemorySize json();

    /** CSV imports, which are streamed. */
    @WithDefault("512M")
    MemorySize csv();
}
