package org.jointcall.signature.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.Parser;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.structured.MalformedFieldException;
import org.junit.jupiter.api.Test;

class MessageSignaturesTest {

    static SignatureParameters parametersOf(String innerList) {
        return SignatureParameters.fromInnerList((InnerList) Parser.parseItemOrInnerList(innerList));
    }

    private static RequestMessage withFields(String... fields) {
        return RequestMessage.of("GET", URI.create("https://example.com/"), HttpFields.of(fields));
    }

    @Test
    void severalSignaturesAreReadByLabelAcrossLines() {
        RequestMessage message = withFields(
                "Signature-Input", "sig1=(\"@method\");created=1", "Signature", "sig2=:AwQ=:",
                "Signature-Input", "sig2=(\"@authority\");created=2;tag=\"t\"", "Signature", "sig1=:AQI=:");

        List<MessageSignature> signatures = MessageSignatures.read(message);

        assertThat(signatures).extracting(MessageSignature::label).containsExactly("sig1", "sig2");
        assertThat(signatures.get(0).value()).containsExactly(1, 2);
        assertThat(signatures.get(1).parameters().tag()).contains("t");
        assertThat(MessageSignatures.read(message, "sig2").orElseThrow().parameters().created()).contains(Instant.ofEpochSecond(2));
        assertThat(MessageSignatures.read(message, "sig3")).isEmpty();
    }

    @Test
    void aMessageWithoutSignatureFieldsHasNoSignatures() {
        assertThat(MessageSignatures.read(withFields("Host", "example.com"))).isEmpty();
    }

    @Test
    void unpairedLabelsAreMalformed() {
        assertThatThrownBy(() -> MessageSignatures.read(withFields("Signature-Input", "a=();created=1", "Signature", "b=:AA==:")))
                .isInstanceOf(MalformedFieldException.class).hasMessageContaining("member b has no matching member");
        assertThatThrownBy(() -> MessageSignatures.read(withFields("Signature-Input", "a=();created=1, b=()", "Signature", "a=:AA==:")))
                .isInstanceOf(MalformedFieldException.class).hasMessageContaining("no member b");
        assertThatThrownBy(() -> MessageSignatures.read(withFields("Signature-Input", "a=();created=1")))
                .isInstanceOf(MalformedFieldException.class).hasMessageContaining("no Signature");
    }

    @Test
    void membersOfTheWrongTypeAreMalformed() {
        assertThatThrownBy(() -> MessageSignatures.read(withFields("Signature-Input", "a=\"@method\"", "Signature", "a=:AA==:")))
                .isInstanceOf(MalformedFieldException.class).hasMessageContaining("must be an inner list");
        assertThatThrownBy(() -> MessageSignatures.read(withFields("Signature-Input", "a=()", "Signature", "a=\"AA==\"")))
                .isInstanceOf(MalformedFieldException.class).hasMessageContaining("must be a byte sequence");
        assertThatThrownBy(() -> MessageSignatures.read(withFields("Signature-Input", "a=(\"Host\")", "Signature", "a=:AA==:")))
                .isInstanceOf(MalformedFieldException.class).hasMessageContaining("member a").hasMessageContaining("lower case");
    }

    @Test
    void aSignatureSerialisesToOneMemberPerField() {
        SignatureParameters parameters = parametersOf("(\"@method\" \"signature\";req;key=\"x\");created=1618884473;keyid=\"k\"");
        MessageSignature signature = MessageSignature.of("jc", parameters, new byte[] {1, 2});

        assertThat(signature.toFields().lines()).extracting(HttpFields.FieldLine::toString).containsExactly(
                "Signature-Input: jc=(\"@method\" \"signature\";req;key=\"x\");created=1618884473;keyid=\"k\"",
                "Signature: jc=:AQI=:");
    }

    @Test
    void labelsMustBeStructuredFieldKeys() {
        SignatureParameters parameters = parametersOf("()");
        assertThatThrownBy(() -> MessageSignature.of("Sig", parameters, new byte[0])).hasMessageContaining("'Sig'");
        assertThatThrownBy(() -> MessageSignature.of("1sig", parameters, new byte[0])).hasMessageContaining("'1sig'");
        assertThat(MessageSignature.of("*sig_1.a-b", parameters, new byte[0]).label()).isEqualTo("*sig_1.a-b");
    }
}
