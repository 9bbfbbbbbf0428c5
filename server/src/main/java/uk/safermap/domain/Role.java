package uk.safermap.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a user is to the service. What each may reach is declared per route, with these roles'
 * standing in {@link Access}: admin and analyst see everything, police read everything and
 * plan patrols, councillors and the public see aggregates only.
 */
public enum Role {
    /** Users, areas and settings, and everything an analyst may do. */
    ADMIN,
    /** The community safety team: all data, imports, every analysis and placement. */
    ANALYST,
    /** Neighbourhood police: read everything, hot spots, patrol plans. */
    POLICE,
    /** Ward councillors: ward counts, coarse heatmaps and reports, never points. */
    COUNCILLOR,
    /** Anonymous visitors, only when enabled: the councillor views. */
    PUBLIC;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
    }

    /** Whether this role may see individual incidents (points, fine heatmaps, point-based analyses). */
    public boolean seesPoints() {
        return this == ADMIN || this == ANALYST || this == POLICE;
    }
}
