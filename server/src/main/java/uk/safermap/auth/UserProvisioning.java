package uk.safermap.auth;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.safermap.domain.Role;
import uk.safermap.domain.User;
import uk.safermap.store.UserStore;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Users from configuration, so scripts, tests and GIS clients run unattended, and the first
 * admin, so a new installation has no built-in default password.
 */
public final class UserProvisioning {

    private final UserStore users;
    private final Secrets secrets;

    public UserProvisioning(UserStore users, Secrets secrets) {
        this.users = users;
        this.secrets = secrets;
    }

    /**
     * Creates or updates every user in the file (header name,role,token_sha256,password_bcrypt;
     * either secret may be empty).
     *
     * @return how many users the file holds
     * @throws IllegalArgumentException naming the line and field that is wrong
     */
    public int load(Path file) {
        int n = 0;
        try (Reader r = Files.newBufferedReader(file)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).setCommentMarker('#').build().parse(r)) {
                String at = file + " line " + (rec.getRecordNumber() + 1);
                Role role = Role.fromKey(rec.get("role")).orElseThrow(() -> new IllegalArgumentException(at
                        + ": role must be admin, analyst, police, councillor or public, got '" + rec.get("role") + "'"));
                String token = rec.isMapped("token_sha256") ? rec.get("token_sha256") : "";
                String password = rec.isMapped("password_bcrypt") ? rec.get("password_bcrypt") : "";
                if (!token.isEmpty() && !token.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException(at + ": token_sha256 must be 64 lowercase hex digits "
                            + "(sha256sum of the token)");
                }
                if (!password.isEmpty() && !password.startsWith("$2")) {
                    throw new IllegalArgumentException(at + ": password_bcrypt must be a bcrypt hash ($2a$...), "
                            + "never a plain password");
                }
                String name = rec.get("name");
                Optional<String> hash = password.isEmpty() ? users.user(name).flatMap(User::passwordHash)
                        : Optional.of(password);
                users.put(new User(name, role, hash));
                if (!token.isEmpty()) {
                    users.addToken(name, token, "from " + file.getFileName());
                }
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file, e);
        }
        return n;
    }

    /**
     * When the store has no users at all, creates {@code admin} with the given password, or a
     * random one that is returned so it can be shown once.
     *
     * @return the generated one-time password, when one was generated
     */
    public Optional<String> ensureAdmin(Optional<String> configuredPassword) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String password = configuredPassword.orElseGet(() -> secrets.newToken().substring(0, 20));
        users.put(new User("admin", Role.ADMIN, Optional.of(secrets.hashPassword(password))));
        return configuredPassword.isPresent() ? Optional.empty() : Optional.of(password);
    }
}
