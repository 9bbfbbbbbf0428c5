package uk.safermap.auth;

import uk.safermap.domain.ApiToken;
import uk.safermap.domain.AuditEvent;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.NotFoundException;
import uk.safermap.domain.Role;
import uk.safermap.domain.User;
import uk.safermap.store.AuditStore;
import uk.safermap.store.UserStore;

import java.util.List;
import java.util.Optional;

/** What an admin does: users, their roles and passwords, API tokens, and reading the audit log. */
public final class UserAdmin {

    /** Below this, a password is refused: guessing is throttled, but short ones fall to a list. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** A token's label is a note for the admin; the store keeps up to this many characters. */
    public static final int MAX_TOKEN_LABEL_LENGTH = 200;

    private final UserStore users;
    private final AuditStore audit;
    private final Secrets secrets;

    public UserAdmin(UserStore users, AuditStore audit, Secrets secrets) {
        this.users = users;
        this.audit = audit;
        this.secrets = secrets;
    }

    public List<User> users() {
        return users.list();
    }

    /**
     * Creates the user or changes its role, and its password when one is given.
     *
     * @throws InvalidInputException for a password too short or too long for bcrypt, or a bad name
     */
    public User put(String name, Role role, Optional<String> password) {
        password.ifPresent(p -> {
            if (p.length() < MIN_PASSWORD_LENGTH) {
                throw new InvalidInputException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
            }
            if (!Secrets.fitsBcrypt(p)) {
                throw new InvalidInputException("a password may have at most " + Secrets.MAX_PASSWORD_BYTES
                        + " bytes in UTF-8");
            }
        });
        Optional<String> hash = password.map(secrets::hashPassword)
                .or(() -> users.user(name).flatMap(User::passwordHash));
        User user = new User(name, role, hash);
        users.put(user);
        return user;
    }

    /**
     * A new API token for the user, returned once: only its hash is kept.
     *
     * @throws NotFoundException when there is no such user
     * @throws InvalidInputException for a label over {@link #MAX_TOKEN_LABEL_LENGTH} characters
     */
    public NewToken newToken(String name, String label) {
        if (label.length() > MAX_TOKEN_LABEL_LENGTH) {
            throw new InvalidInputException("label: at most " + MAX_TOKEN_LABEL_LENGTH + " characters, got "
                    + label.length());
        }
        existing(name);
        String token = secrets.newToken();
        String hash = Secrets.sha256(token);
        users.addToken(name, hash, label);
        return new NewToken(token, ApiToken.idOf(hash));
    }

    /** A token just made, to be shown once, and the id it is listed and revoked by. */
    public record NewToken(String token, String id) {
    }

    /**
     * The user's tokens, without the tokens themselves.
     *
     * @throws NotFoundException when there is no such user
     */
    public List<ApiToken> tokens(String name) {
        existing(name);
        return users.tokens(name);
    }

    /**
     * Revokes one of the user's tokens: the next request with it is refused.
     *
     * @throws NotFoundException     when there is no such user or the user has no such token
     * @throws InvalidInputException when the id is not a token id
     */
    public void revokeToken(String name, String tokenId) {
        existing(name);
        if (!ApiToken.isId(tokenId)) {
            throw new InvalidInputException("a token id is " + ApiToken.ID_LENGTH + " lowercase hex digits, got '"
                    + tokenId + "'");
        }
        if (!users.removeToken(name, tokenId)) {
            throw new NotFoundException("user '" + name + "' has no token '" + tokenId + "'");
        }
    }

    private void existing(String name) {
        users.user(name).orElseThrow(() -> new NotFoundException("no user '" + name + "'"));
    }

    public List<AuditEvent> audit(int limit, long offset) {
        return audit.recent(limit, offset);
    }
}
