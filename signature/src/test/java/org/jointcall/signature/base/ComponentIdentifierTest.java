package org.jointcall.signature.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComponentIdentifierTest {

    @Test
    void parametersSerialiseInTheOrderTheyWereAdded() {
        assertThat(ComponentIdentifier.of("signature").fromRequest().member("sig1").serialize()).isEqualTo("\"signature\";req;key=\"sig1\"");
        assertThat(ComponentIdentifier.of("example-dict").structured().serialize()).isEqualTo("\"example-dict\";sf");
        assertThat(ComponentIdentifier.queryParam("Pet").serialize()).isEqualTo("\"@query-param\";name=\"Pet\"");
    }

    @Test
    void parsedIdentifiersEqualBuiltOnes() {
        ComponentIdentifier parsed = ComponentIdentifier.parse("\"signature\";req;key=\"sig1\"");

        assertThat(parsed).isEqualTo(ComponentIdentifier.of("signature").fromRequest().member("sig1"));
        assertThat(parsed.isFromRequest()).isTrue();
        assertThat(parsed.dictionaryKey()).contains("sig1");
        assertThat(parsed.derived()).isEmpty();
        assertThat(ComponentIdentifier.parse("\"@status\"").derived()).contains(DerivedComponent.STATUS);
    }

    @Test
    void unknownDerivedComponentsAreInvalid() {
        assertThatThrownBy(() -> ComponentIdentifier.of("@signature-params"))
                .isInstanceOf(ComponentException.class).hasMessageContaining("unknown derived component");
        assertThatThrownBy(() -> ComponentIdentifier.of("@fragment")).isInstanceOf(ComponentException.class);
    }

    @Test
    void fieldNamesMustBeLowerCase() {
        assertThatThrownBy(() -> ComponentIdentifier.of("Content-Type"))
                .isInstanceOf(ComponentException.class)
                .hasMessageContaining("write \"content-type\"");
    }

    @Test
    void queryParamNeedsANameAndNameAppliesOnlyThere() {
        assertThatThrownBy(() -> ComponentIdentifier.of("@query-param")).hasMessageContaining("needs a name parameter");
        assertThatThrownBy(() -> ComponentIdentifier.parse("\"content-type\";name=\"x\"")).hasMessageContaining("only applies to @query-param");
        assertThatThrownBy(() -> ComponentIdentifier.parse("\"@method\";sf")).hasMessageContaining("does not apply to derived component");
    }

    @Test
    void byteSequenceCannotBeCombinedWithStructuredOrKey() {
        assertThatThrownBy(() -> ComponentIdentifier.of("example-dict").structured().byteSequence()).hasMessageContaining(";bs cannot be combined");
        assertThatThrownBy(() -> ComponentIdentifier.of("example-dict").member("a").byteSequence()).hasMessageContaining(";bs cannot be combined");
    }

    @Test
    void unknownFalseOrTrailerParametersAreRefused() {
        assertThatThrownBy(() -> ComponentIdentifier.parse("\"content-type\";foo")).hasMessageContaining("unknown parameter foo");
        assertThatThrownBy(() -> ComponentIdentifier.parse("\"content-type\";req=?0")).hasMessageContaining("must be written ;req");
        assertThatThrownBy(() -> ComponentIdentifier.parse("\"content-type\";tr")).hasMessageContaining("trailer fields");
        assertThatThrownBy(() -> ComponentIdentifier.parse("\"content-type\";key=1")).hasMessageContaining("boolean flag or a string");
    }

    @Test
    void identifiersMustBeQuotedStrings() {
        assertThatThrownBy(() -> ComponentIdentifier.parse("content-type"))
                .isInstanceOf(ComponentException.class).hasMessageContaining("quoted strings");
        assertThatThrownBy(() -> ComponentIdentifier.parse("\"content-type"))
                .isInstanceOf(ComponentException.class).hasMessageContaining("not an RFC 8941 string item");
    }
}
