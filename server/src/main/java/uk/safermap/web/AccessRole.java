package uk.safermap.web;

import io.javalin.security.RouteRole;
import uk.safermap.auth.Access;

/** A route's access level, in the form Javalin attaches to routes. */
record AccessRole(Access access) implements RouteRole {
}
