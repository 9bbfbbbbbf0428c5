package uk.safermap.domain;

import java.time.Instant;

/**
 * One access to point-level data or one export: who, when, what (the route and its filter)
 * and how many rows went out.
 */
public record AuditEvent(long id, Instant at, String user, Role role, String action, String detail, long rows) {
}
