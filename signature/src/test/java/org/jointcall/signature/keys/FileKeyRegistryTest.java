package org.jointcall.signature.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.fixtures.GeneratedKeys;
import org.jointcall.signature.fixtures.MutableClock;
import org.jointcall.signature.fixtures.Rfc9421Keys;
import org.jointcall.signature.fixtures.TestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyRegistryTest {

    @TempDir
    Path keys;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));

    @BeforeEach
    void writeTwoAgencies() throws IOException {
        write("nsf/nsf.jwks", new String(JwksReaderTest.jwks(JwksReaderTest.publicJwk("test-key-ed25519")), StandardCharsets.UTF_8));
        write("ukri/ukri-2026.pem", "Algorithm: rsa-pss-sha512\n" + TestResources.text("rfc9421/keys/test-key-rsa-pss.pub.pem"));
    }

    private void write(String relative, String content) throws IOException {
        Path file = keys.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private FileKeyRegistry open(Duration recheck) {
        return FileKeyRegistry.open(keys, clock, recheck);
    }

    @Test
    void loadsJwksAndPemFilesPerAgencyDirectory() {
        FileKeyRegistry registry = open(Duration.ofSeconds(5));

        assertThat(registry.keys()).extracting(RegisteredKey::keyId).containsExactly("test-key-ed25519", "ukri-2026");
        assertThat(registry.find("test-key-ed25519").orElseThrow().agency()).isEqualTo("nsf");
        assertThat(registry.find("ukri-2026").orElseThrow().key()).isEqualTo(Rfc9421Keys.rsaPssPublic());
        assertThat(registry.find("nobody")).isEmpty();
    }

    @Test
    void rewritingAFileReplacesItsKeysAtTheNextCheck() throws IOException {
        FileKeyRegistry registry = open(Duration.ZERO);
        SigningKey next = GeneratedKeys.ed25519();

        write("ukri/ukri-2026.pem", "Key-Id: ukri-2027\n" + GeneratedKeys.pem(next.verificationKey()));

        assertThat(registry.find("ukri-2026")).isEmpty();
        assertThat(registry.find("ukri-2027").orElseThrow().key()).isEqualTo(next.verificationKey());
        assertThat(registry.lastReloadProblem()).isEmpty();
    }

    @Test
    void agencyFoldersGivenAsAMapAreAskedForAgainSoAnAgencyAddedLaterIsReadAtTheNextCheck() throws IOException {
        java.util.Map<String, Path> folders = new java.util.concurrent.ConcurrentHashMap<>();
        folders.put("nsf", keys.resolve("nsf"));
        folders.put("dfg", keys.resolve("no-such-folder"));
        FileKeyRegistry registry = FileKeyRegistry.open(() -> java.util.Map.copyOf(folders), "test folders", clock, Duration.ZERO);
        assertThat(registry.keys()).extracting(RegisteredKey::keyId).as("a missing folder holds no keys").containsExactly("test-key-ed25519");

        folders.put("ukri", keys.resolve("ukri"));

        assertThat(registry.find("ukri-2026").orElseThrow().agency()).isEqualTo("ukri");
    }

    @Test
    void aSingleKeyFileIsCheckedAsAReloadWouldCheckIt() {
        String pem = GeneratedKeys.pem(GeneratedKeys.ed25519().verificationKey());

        assertThat(FileKeyRegistry.readKeyFile("nwo", "nwo-2027.pem", pem.getBytes(StandardCharsets.US_ASCII), "nwo/nwo-2027.pem"))
                .extracting(RegisteredKey::keyId, RegisteredKey::agency).containsExactly(org.assertj.core.api.Assertions.tuple("nwo-2027", "nwo"));
        assertThatThrownBy(() -> FileKeyRegistry.readKeyFile("nwo", "nwo.txt", pem.getBytes(StandardCharsets.US_ASCII), "nwo/nwo.txt"))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("key files end in .jwks, .json, .pem, .crt or .cer");
        assertThatThrownBy(() -> FileKeyRegistry.readKeyFile("nwo", "nwo.jwks", "{\"keys\":".getBytes(StandardCharsets.US_ASCII), "nwo/nwo.jwks"))
                .isInstanceOf(KeyFileException.class).hasMessageStartingWith("nwo/nwo.jwks: ");
    }

    @Test
    void filesAreNotReReadBeforeTheRecheckIntervalHasPassed() throws IOException {
        FileKeyRegistry registry = open(Duration.ofSeconds(30));
        write("ukri/ukri-2027.pem", GeneratedKeys.pem(GeneratedKeys.ed25519().verificationKey()));

        clock.advance(Duration.ofSeconds(29));
        assertThat(registry.find("ukri-2027")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(registry.find("ukri-2027")).isPresent();
    }

    @Test
    void explicitReloadReportsWhetherAnythingChanged() throws IOException {
        FileKeyRegistry registry = open(Duration.ofHours(1));

        assertThat(registry.reloadIfChanged()).isFalse();
        write("dfg/dfg-a.pem", GeneratedKeys.pem(GeneratedKeys.ecdsaP256().verificationKey()));
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.find("dfg-a").orElseThrow().agency()).isEqualTo("dfg");
    }

    @Test
    void aBrokenRewriteKeepsThePreviousKeysInServiceAndSaysWhy() throws IOException {
        FileKeyRegistry registry = open(Duration.ZERO);

        write("ukri/ukri-2026.pem", "-----BEGIN PUBLIC KEY-----\ntruncated");

        assertThat(registry.find("ukri-2026")).isPresent();
        assertThat(registry.lastReloadProblem()).get().asString().contains("ukri/ukri-2026.pem");

        write("ukri/ukri-2026.pem", GeneratedKeys.pem(GeneratedKeys.ed25519().verificationKey()));
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.lastReloadProblem()).isEmpty();
    }

    @Test
    void revertingABrokenFileClearsTheProblemWithoutAReload() throws IOException {
        FileKeyRegistry registry = open(Duration.ZERO);
        String original = Files.readString(keys.resolve("ukri/ukri-2026.pem"));

        write("ukri/ukri-2026.pem", "Not-After: never\n" + original);
        assertThat(registry.reloadIfChanged()).isFalse();
        assertThat(registry.lastReloadProblem()).get().asString().contains("Not-After 'never'");

        write("ukri/ukri-2026.pem", original);
        assertThat(registry.reloadIfChanged()).isFalse();
        assertThat(registry.lastReloadProblem()).isEmpty();
    }

    @Test
    void theSameKeyIdUnderTwoAgenciesIsRefused() throws IOException {
        write("nwo/copy.jwks", new String(JwksReaderTest.jwks(JwksReaderTest.publicJwk("test-key-ed25519")), StandardCharsets.UTF_8));

        assertThatThrownBy(() -> open(Duration.ZERO)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("test-key-ed25519 is registered twice").hasMessageContaining("nsf").hasMessageContaining("nwo");
    }

    @Test
    void strayFilesAreErrorsButHiddenFilesAndBackupsAreSkipped() throws IOException {
        write("nsf/.nsf.jwks.swp", "junk");
        write("nsf/nsf.jwks~", "junk");
        assertThat(open(Duration.ZERO).keys()).hasSize(2);

        write("nsf/README.txt", "notes");
        assertThatThrownBy(() -> open(Duration.ZERO)).hasMessageContaining("README.txt").hasMessageContaining(".jwks, .json, .pem, .crt or .cer");
    }

    @Test
    void keyFilesMustSitInAnAgencyDirectoryWithAValidCode() throws IOException {
        write("loose.pem", "x");
        assertThatThrownBy(() -> open(Duration.ZERO)).hasMessageContaining("directory named after the agency");
        Files.delete(keys.resolve("loose.pem"));

        write("NSF Old/k.pem", TestResources.text("rfc9421/keys/test-key-ed25519.pub.pem"));
        assertThatThrownBy(() -> open(Duration.ZERO)).hasMessageContaining("agency code 'NSF Old'");
    }

    @Test
    void aMissingDirectoryFailsAtOpen() {
        assertThatThrownBy(() -> FileKeyRegistry.open(keys.resolve("absent"), clock, Duration.ZERO))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("does not exist");
    }
}
