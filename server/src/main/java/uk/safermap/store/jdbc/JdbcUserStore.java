package uk.safermap.store.jdbc;

import uk.safermap.domain.ApiToken;
import uk.safermap.domain.Role;
import uk.safermap.domain.User;
import uk.safermap.store.UserStore;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users and API token hashes in {@code app_user} and {@code api_token}. */
public final class JdbcUserStore implements UserStore {

    private static final String COLUMNS = "u.name, u.role, u.password_hash";

    private final DataSource ds;
    private final Clock clock;

    public JdbcUserStore(Database db, Clock clock) {
        this.ds = db.dataSource();
        this.clock = clock;
    }

    @Override
    public Optional<User> user(String name) {
        return one("reading user " + name, "SELECT " + COLUMNS + " FROM app_user u WHERE u.name = ?", name);
    }

    @Override
    public Optional<User> byTokenHash(String sha256) {
        return one("looking up a token", "SELECT " + COLUMNS + " FROM app_user u JOIN api_token t ON t.user_name = u.name "
                + "WHERE t.token_sha256 = ?", sha256);
    }

    private Optional<User> one(String what, String sql, String key) {
        return Jdbc.read(ds, what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(User user) {
        Jdbc.inTransaction(ds, "saving user " + user.name(), c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET role = ?, password_hash = ? WHERE name = ?")) {
                ps.setString(1, user.role().key());
                Jdbc.setNullableString(ps, 2, user.passwordHash().orElse(null));
                ps.setString(3, user.name());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO app_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, user.name());
                    ps.setString(2, user.role().key());
                    Jdbc.setNullableString(ps, 3, user.passwordHash().orElse(null));
                    ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(clock)));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void addToken(String userName, String sha256, String label) {
        Jdbc.inTransaction(ds, "adding a token for " + userName, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM api_token WHERE token_sha256 = ?")) {
                del.setString(1, sha256);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_token (token_sha256, user_name, label, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, sha256);
                ps.setString(2, userName);
                ps.setString(3, label);
                ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(clock)));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ApiToken> tokens(String userName) {
        return Jdbc.read(ds, "listing the tokens of " + userName, c -> {
            List<ApiToken> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT token_sha256, label, created_at FROM api_token "
                    + "WHERE user_name = ? ORDER BY created_at, token_sha256")) {
                ps.setString(1, userName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ApiToken(ApiToken.idOf(rs.getString(1)), rs.getString(2),
                                rs.getTimestamp(3).toLocalDateTime()));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean removeToken(String userName, String tokenId) {
        if (!ApiToken.isId(tokenId)) {
            throw new IllegalArgumentException("a token id is " + ApiToken.ID_LENGTH + " lowercase hex digits, got '"
                    + tokenId + "'");
        }
        return Jdbc.inTransaction(ds, "revoking a token of " + userName, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM api_token WHERE user_name = ? AND token_sha256 LIKE ?")) {
                ps.setString(1, userName);
                ps.setString(2, tokenId + "%");
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<User> list() {
        return Jdbc.read(ds, "listing users", c -> {
            List<User> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user u ORDER BY u.name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(user(rs));
                }
            }
            return out;
        });
    }

    @Override
    public long count() {
        return Jdbc.read(ds, "counting users", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM app_user"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), Role.fromKey(rs.getString(2)).orElseThrow(), Optional.ofNullable(rs.getString(3)));
    }
}
