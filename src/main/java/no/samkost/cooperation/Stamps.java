package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import no.samkost.cooperation.persistence.Stamp;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.CurrentMunicipality;

/** Who writes a row now: the caller's person in the caller's rows, the cooperation in another member's. */
@ApplicationScoped
public class Stamps {

    private final CurrentMunicipality current;
    private final Clock clock;

    public Stamps(CurrentMunicipality current, Clock clock) {
        this.current = current;
        this.clock = clock;
    }

    /** The caller's person (the token's subject), now. */
    public Stamp byCaller() {
        return new Stamp(clock.instant(), current.subject());
    }

    /** The cooperation, now: another municipality's staff ids stay where they work. */
    public Stamp byCooperation(Cooperation c) {
        return new Stamp(clock.instant(), actor(c));
    }

    public static String actor(Cooperation c) {
        return "cooperation:" + c.id();
    }
}
