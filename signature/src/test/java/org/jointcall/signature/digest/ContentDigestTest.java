package org.jointcall.signature.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jointcall.signature.structured.MalformedFieldException;
import org.junit.jupiter.api.Test;

/** RFC 9530 §2 and Appendix D examples. */
class ContentDigestTest {

    private static final byte[] HELLO = "{\"hello\": \"world\"}".getBytes(StandardCharsets.US_ASCII);

    @Test
    void createsTheRfcDigestsOfHelloWorld() {
        assertThat(ContentDigest.of(HELLO, DigestAlgorithm.SHA_256).serialize())
                .isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
        assertThat(ContentDigest.of(HELLO, DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_512).serialize())
                .isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, "
                        + "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:");
    }

    @Test
    void matchingDigestReportsWhichAlgorithmsWereChecked() {
        DigestCheck check = ContentDigest.parse(List.of(ContentDigest.of(HELLO, DigestAlgorithm.SHA_512).serialize())).check(HELLO);

        assertThat(check.matches()).isTrue();
        assertThat(check.checked()).containsExactly(DigestAlgorithm.SHA_512);
    }

    @Test
    void oneWrongDigestIsAMismatchEvenIfAnotherMatches() {
        String header = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, sha-512=:AAAA:";

        DigestCheck check = ContentDigest.parse(List.of(header)).check(HELLO);

        assertThat(check.outcome()).isEqualTo(DigestCheck.Outcome.MISMATCH);
        assertThat(check.detail()).contains("sha-512 is :AAAA:").contains("18-byte body digests to :WZDPaVn/");
    }

    @Test
    void unknownAndDeprecatedAlgorithmsAreIgnored() {
        String header = "md5=:AAAA:, sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";

        assertThat(ContentDigest.parse(List.of(header)).check(HELLO).matches()).isTrue();
    }

    @Test
    void onlyUnusableAlgorithmsMeansNoUsableDigest() {
        DigestCheck check = ContentDigest.parse(List.of("md5=:AAAA:, unixsum=:AA==:")).check(HELLO);

        assertThat(check.outcome()).isEqualTo(DigestCheck.Outcome.NO_USABLE_DIGEST);
        assertThat(check.detail()).contains("[md5, unixsum]").contains("sha-256 or sha-512");
    }

    @Test
    void tamperingWithOneByteOfTheBodyIsNoticed() {
        ContentDigest digest = ContentDigest.of(HELLO, DigestAlgorithm.SHA_256);
        byte[] tampered = HELLO.clone();
        tampered[3] ^= 1;

        assertThat(digest.check(tampered).outcome()).isEqualTo(DigestCheck.Outcome.MISMATCH);
    }

    @Test
    void emptyBodyHasTheWellKnownDigest() {
        assertThat(ContentDigest.of(new byte[0], DigestAlgorithm.SHA_256).serialize())
                .isEqualTo("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
    }

    @Test
    void malformedValuesAreRefusedWithTheFieldName() {
        assertThatThrownBy(() -> ContentDigest.parse(List.of("sha-256=\"abc\""))).isInstanceOf(MalformedFieldException.class)
                .hasMessageContaining("Content-Digest").hasMessageContaining("must be a byte sequence");
        assertThatThrownBy(() -> ContentDigest.parse(List.of("sha-256=:not base64:"))).isInstanceOf(MalformedFieldException.class);
        assertThatThrownBy(() -> ContentDigest.parse(List.of(""))).isInstanceOf(MalformedFieldException.class).hasMessageContaining("empty");
    }

    @Test
    void parsedDigestsEqualCreatedOnes() {
        ContentDigest created = ContentDigest.of(HELLO, DigestAlgorithm.SHA_256);

        assertThat(ContentDigest.parse(List.of("  " + created.serialize() + " "))).isEqualTo(created);
        assertThat(created.algorithmKeys()).containsExactly("sha-256");
    }
}
