package uk.safermap.auth;

import uk.safermap.domain.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * The access levels routes declare: each is the set of roles allowed. Every route names one,
 * so a route cannot be added without deciding who may call it.
 */
public enum Access {
    /** Anyone, signed in or not: the login page, health, the viewer's static files. */
    OPEN(EnumSet.allOf(Role.class)),
    /** Aggregates: ward counts and reports, coarse heatmaps, boundaries. Public only when enabled. */
    AGGREGATES(EnumSet.allOf(Role.class)),
    /** Individual incidents and analyses built on them. */
    POINTS(EnumSet.of(Role.ADMIN, Role.ANALYST, Role.POLICE)),
    /** Patrol plans. */
    PATROLS(EnumSet.of(Role.ADMIN, Role.ANALYST, Role.POLICE)),
    /** Imports, placements, populations and neighbourhood edits. */
    ANALYSIS(EnumSet.of(Role.ADMIN, Role.ANALYST)),
    /** Users, tokens and the audit log. */
    ADMIN(EnumSet.of(Role.ADMIN));

    private final Set<Role> roles;

    Access(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return roles;
    }
}
