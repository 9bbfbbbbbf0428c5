package uk.safermap.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.safermap.domain.ApiToken;
import uk.safermap.domain.AuditEvent;
import uk.safermap.domain.Role;
import uk.safermap.domain.User;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users, tokens and the audit log, on H2GIS and on PostGIS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserStoreContract {

    private Database db;
    private JdbcUserStore users;
    private JdbcAuditStore audit;

    protected abstract Database openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        db = openDatabase();
        users = new JdbcUserStore(db, Clock.systemDefaultZone());
        audit = new JdbcAuditStore(db);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void users_are_created_updated_and_found_by_token_hash() {
        // The token test may have run first on this database: its users sort after these.
        long before = users.count();
        users.put(new User("ana", Role.ANALYST, Optional.of("$2a$12$hash")));
        users.addToken("ana", "a".repeat(64), "qgis");
        users.put(new User("ana", Role.POLICE, Optional.empty()));
        assertThat(users.user("ana")).contains(new User("ana", Role.POLICE, Optional.empty()));
        assertThat(users.byTokenHash("a".repeat(64))).map(User::name).contains("ana");
        assertThat(users.byTokenHash("b".repeat(64))).isEmpty();
        users.put(new User("bob", Role.COUNCILLOR, Optional.empty()));
        assertThat(users.list()).extracting(User::name).startsWith("ana", "bob");
        assertThat(users.count()).isEqualTo(before + 2);
    }

    @Test
    void tokens_are_listed_by_id_and_one_is_revoked_alone() {
        users.put(new User("cat", Role.ANALYST, Optional.empty()));
        String first = "c".repeat(16) + "1".repeat(48);
        users.addToken("cat", "d".repeat(64), "laptop");
        users.addToken("cat", "e".repeat(64), "qgis");
        assertThat(users.tokens("cat")).extracting(ApiToken::id).containsExactlyInAnyOrder("d".repeat(16), "e".repeat(16));
        assertThat(users.tokens("cat")).extracting(ApiToken::label).containsExactlyInAnyOrder("laptop", "qgis");
        assertThat(users.removeToken("cat", "d".repeat(16))).isTrue();
        assertThat(users.byTokenHash("d".repeat(64))).isEmpty();
        assertThat(users.byTokenHash("e".repeat(64))).map(User::name).contains("cat");
        assertThat(users.removeToken("cat", "d".repeat(16))).isFalse();
        // Another user's token is not reachable through this user's name.
        users.put(new User("dan", Role.POLICE, Optional.empty()));
        users.addToken("dan", first, "dan's");
        assertThat(users.removeToken("cat", first.substring(0, 16))).isFalse();
        assertThat(users.byTokenHash(first)).map(User::name).contains("dan");
        // Wildcards are not ids: "%" must not match every token.
        assertThatThrownBy(() -> users.removeToken("dan", "%")).isInstanceOf(IllegalArgumentException.class);
        assertThat(users.tokens("dan")).hasSize(1);
    }

    @Test
    void the_audit_log_keeps_events_newest_first() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        audit.append(new AuditEvent(0, t, "ana", Role.ANALYST, "GET /collections/incidents/items", "bbox=...", 120));
        audit.append(new AuditEvent(0, t.plusSeconds(1), "ana", Role.ANALYST, "POST /api/placement/doorbells?format=csv",
                "x".repeat(5000), 166));
        var events = audit.recent(10, 0);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).action()).isEqualTo("POST /api/placement/doorbells?format=csv");
        assertThat(events.get(0).detail()).hasSize(4000);
        assertThat(events.get(1).at()).isEqualTo(t);
        assertThat(events.get(1).rows()).isEqualTo(120);
        assertThat(audit.recent(1, 1)).extracting(AuditEvent::action).containsExactly("GET /collections/incidents/items");
    }
}
