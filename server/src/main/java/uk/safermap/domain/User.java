package uk.safermap.domain;

import uk.safermap.domain.InvalidInputException;
import java.util.Optional;

/**
 * A user of the service. A user without a password signs in only with API tokens (scripts,
 * GIS clients).
 *
 * @param passwordHash bcrypt hash, never the password
 */
public record User(String name, Role role, Optional<String> passwordHash) {

    public User {
        if (name == null || !name.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new InvalidInputException("a user name is 1-100 letters, digits, '.', '_', '@' or '-', got '"
                    + name + "'");
        }
    }
}
