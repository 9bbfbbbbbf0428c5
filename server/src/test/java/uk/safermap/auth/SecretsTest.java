package uk.safermap.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    private final Secrets secrets = new Secrets();

    @Test
    void passwords_are_bcrypt_hashed_and_checked() {
        String hash = secrets.hashPassword("correct horse battery staple");
        assertThat(hash).startsWith("$2a$12$").doesNotContain("horse");
        assertThat(secrets.passwordMatches("correct horse battery staple", hash)).isTrue();
        assertThat(secrets.passwordMatches("Correct horse battery staple", hash)).isFalse();
    }

    @Test
    void a_password_longer_than_bcrypt_reads_matches_nothing_and_the_longest_it_reads_works() {
        String longest = "x".repeat(Secrets.MAX_PASSWORD_BYTES);
        assertThat(secrets.passwordMatches(longest, secrets.hashPassword(longest))).isTrue();
        assertThat(Secrets.fitsBcrypt(longest + "x")).isFalse();
        assertThat(Secrets.fitsBcrypt("é".repeat(36))).as("72 bytes in UTF-8").isFalse();
        assertThat(secrets.passwordMatches(longest + "x", secrets.hashPassword(longest))).isFalse();
    }

    @Test
    void tokens_are_random_256_bit_and_stored_as_sha256() {
        String a = secrets.newToken();
        assertThat(a).hasSize(43).isNotEqualTo(secrets.newToken());
        assertThat(Secrets.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
