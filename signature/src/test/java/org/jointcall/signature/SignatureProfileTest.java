package org.jointcall.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.Parser;
import org.junit.jupiter.api.Test;

class SignatureProfileTest {

    /** What a 401 asks for is a valid RFC 9421 Accept-Signature dictionary naming exactly the profile's requirements. */
    @Test
    void acceptSignatureIsAStructuredDictionaryOfTheProfilesComponentsAndParameters() throws Exception {
        Dictionary parsed = Parser.parseDictionary(SignatureProfile.acceptSignature());

        InnerList wanted = (InnerList) parsed.get().get(SignatureProfile.LABEL);
        List<String> components = wanted.get().stream().map(item -> (String) ((Item<?>) item).get()).toList();
        assertThat(components).containsExactly("@method", "@authority", "@path", "@query", "content-type", "content-digest");
        assertThat(wanted.getParams().keySet()).containsExactly("created", "expires", "nonce", "keyid", "tag");
        assertThat(wanted.getParams().get("tag").get()).isEqualTo(SignatureProfile.TAG);
    }
}
