package no.samkost.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

public class Clocks {
    @Produces
    @Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds: a time returned at creation must equal the one read later.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
