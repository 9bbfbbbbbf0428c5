package uk.safermap.store;

import uk.safermap.domain.AuditEvent;

import java.util.List;

/** The audit log: appended to, never changed. */
public interface AuditStore {

    void append(AuditEvent event);

    /** The newest events first. */
    List<AuditEvent> recent(int limit, long offset);
}
