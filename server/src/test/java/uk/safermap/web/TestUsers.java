package uk.safermap.web;

import uk.safermap.auth.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One user per role, provisioned through SAFERMAP_USERS_FILE as an installation would: API tokens
 * for HTTP tests and GIS clients, and a password for signing in through the viewer.
 */
final class TestUsers {

    static final String ADMIN = "test-admin-token-0123456789abcdef0123456789";
    static final String ANALYST = "test-analyst-token-0123456789abcdef01234567";
    static final String POLICE = "test-police-token-0123456789abcdef012345678";
    static final String COUNCILLOR = "test-councillor-token-0123456789abcdef01234";
    static final String PASSWORD = "correct horse battery staple";

    /** bcrypt is slow on purpose: one hash serves every test class. */
    private static String passwordHash;

    private TestUsers() {
    }

    /** Service settings on any free port with the users file written into {@code dir}, plus the given pairs. */
    static Map<String, String> settings(Path dir, String... pairs) {
        Map<String, String> out = new HashMap<>();
        out.put("SAFERMAP_PORT", "0");
        out.put("SAFERMAP_USERS_FILE", write(dir).toString());
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static synchronized Path write(Path dir) {
        if (passwordHash == null) {
            passwordHash = new Secrets().hashPassword(PASSWORD);
        }
        Path file = dir.resolve("users.csv");
        String csv = "name,role,token_sha256,password_bcrypt\n"
                + "ada,admin," + Secrets.sha256(ADMIN) + "," + passwordHash + "\n"
                + "ana,analyst," + Secrets.sha256(ANALYST) + "," + passwordHash + "\n"
                + "pc,police," + Secrets.sha256(POLICE) + "," + passwordHash + "\n"
                + "cllr,councillor," + Secrets.sha256(COUNCILLOR) + "," + passwordHash + "\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
