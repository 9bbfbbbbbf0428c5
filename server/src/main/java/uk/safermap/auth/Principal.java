package uk.safermap.auth;

import uk.safermap.domain.Role;

/** Who is making a request, and how they proved it. */
public record Principal(String name, Role role, Via via) {

    public enum Via { SESSION, TOKEN, ANONYMOUS }

    public static Principal anonymous() {
        return new Principal("anonymous", Role.PUBLIC, Via.ANONYMOUS);
    }
}
