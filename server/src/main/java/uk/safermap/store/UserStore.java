package uk.safermap.store;

import uk.safermap.domain.ApiToken;
import uk.safermap.domain.User;

import java.util.List;
import java.util.Optional;

/** Users and their API tokens (kept only as SHA-256 hashes). */
public interface UserStore {

    Optional<User> user(String name);

    /** The user holding the token with this SHA-256 hash. */
    Optional<User> byTokenHash(String sha256);

    /** Creates the user, or replaces its role and password hash (keeping its tokens). */
    void put(User user);

    void addToken(String userName, String sha256, String label);

    /** The user's tokens, oldest first. */
    List<ApiToken> tokens(String userName);

    /** Deletes the user's token with this id ({@link ApiToken#isId}); false when it has none such. */
    boolean removeToken(String userName, String tokenId);

    List<User> list();

    long count();
}
