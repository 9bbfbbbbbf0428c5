package uk.safermap.auth;

import uk.safermap.domain.AuditEvent;
import uk.safermap.store.AuditStore;

import java.time.Clock;

/** Writes who read point-level data or exported something, when, with what filter, and how much. */
public final class AuditTrail {

    private final AuditStore store;
    private final Clock clock;

    public AuditTrail(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void record(Principal who, String action, String detail, long rows) {
        store.append(new AuditEvent(0, clock.instant(), who.name(), who.role(), action, detail, rows));
    }
}
