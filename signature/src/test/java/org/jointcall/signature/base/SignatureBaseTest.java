package org.jointcall.signature.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.HttpMessage;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.structured.KnownFieldTypes;
import org.jointcall.signature.structured.StructuredFieldType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The component examples of RFC 9421 §2.1–§2.4, one covered component at a time. */
class SignatureBaseTest {

    private static final KnownFieldTypes TYPES = KnownFieldTypes.defaults().with("example-dict", StructuredFieldType.DICTIONARY);

    /** The single component line of a base covering only {@code component}. */
    private static String line(HttpMessage message, ComponentIdentifier component) {
        String base = SignatureBase.of(message, SignatureParameters.builder().cover(component).build(), TYPES).text();
        return base.substring(0, base.indexOf('\n'));
    }

    private static String valueOf(HttpMessage message, String component) {
        String line = line(message, ComponentIdentifier.parse(component));
        return line.substring(line.indexOf(": ") + 2);
    }

    private static RequestMessage request(String method, String uri, String... fields) {
        return RequestMessage.of(method, URI.create(uri), HttpFields.of(fields));
    }

    @Nested
    class Fields {

        private final RequestMessage message = request("GET", "https://www.example.com/",
                "Host", "www.example.com",
                "X-OWS-Header", "   Leading and trailing whitespace.   ",
                "Cache-Control", "max-age=60",
                "Cache-Control", "   must-revalidate",
                "Example-Dict", " a=1,    b=2;x=1;y=2,   c=(a   b   c), d",
                "X-Empty-Header", "",
                "Example-Header", "value, with, lots",
                "Example-Header", "of, commas");

        @Test
        void valuesAreTrimmedAndRepeatedLinesJoinedWithCommaSpace() {
            assertThat(valueOf(message, "\"x-ows-header\"")).isEqualTo("Leading and trailing whitespace.");
            assertThat(valueOf(message, "\"cache-control\"")).isEqualTo("max-age=60, must-revalidate");
            assertThat(valueOf(message, "\"example-dict\"")).isEqualTo("a=1,    b=2;x=1;y=2,   c=(a   b   c), d");
        }

        @Test
        void anEmptyFieldGivesAnEmptyValueAfterTheSpace() {
            assertThat(line(message, ComponentIdentifier.of("x-empty-header"))).isEqualTo("\"x-empty-header\": ");
        }

        @Test
        void sfReserialisesStrictly() {
            assertThat(valueOf(message, "\"example-dict\";sf")).isEqualTo("a=1, b=2;x=1;y=2, c=(a b c), d");
        }

        @Test
        void keySelectsOneDictionaryMemberWithItsParameters() {
            assertThat(valueOf(message, "\"example-dict\";key=\"a\"")).isEqualTo("1");
            assertThat(valueOf(message, "\"example-dict\";key=\"b\"")).isEqualTo("2;x=1;y=2");
            assertThat(valueOf(message, "\"example-dict\";key=\"c\"")).isEqualTo("(a b c)");
            assertThat(valueOf(message, "\"example-dict\";key=\"d\"")).isEqualTo("?1");
        }

        @Test
        void bsEncodesEachLineSeparately() {
            assertThat(valueOf(message, "\"example-header\"")).isEqualTo("value, with, lots, of, commas");
            assertThat(valueOf(message, "\"example-header\";bs")).isEqualTo(":dmFsdWUsIHdpdGgsIGxvdHM=:, :b2YsIGNvbW1hcw==:");
            assertThat(valueOf(request("GET", "https://e.x/", "Example-Header", "value, with, lots, of, commas"), "\"example-header\";bs"))
                    .isEqualTo(":dmFsdWUsIHdpdGgsIGxvdHMsIG9mLCBjb21tYXM=:");
        }

        @Test
        void missingFieldOrDictionaryMemberIsAbsent() {
            assertThatThrownBy(() -> valueOf(message, "\"content-digest\""))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.reason()).isEqualTo(ComponentException.Reason.ABSENT))
                    .hasMessageContaining("has no content-digest field");
            assertThatThrownBy(() -> valueOf(message, "\"example-dict\";key=\"z\""))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.reason()).isEqualTo(ComponentException.Reason.ABSENT))
                    .hasMessageContaining("no member z");
        }

        @Test
        void sfOnAFieldOfUnknownTypeOrMalformedValueIsInvalid() {
            assertThatThrownBy(() -> valueOf(message, "\"cache-control\";sf")).hasMessageContaining("structured type of field cache-control is not known");
            RequestMessage broken = request("GET", "https://e.x/", "Example-Dict", "a=");
            assertThatThrownBy(() -> valueOf(broken, "\"example-dict\";sf"))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.reason()).isEqualTo(ComponentException.Reason.INVALID));
        }

        @Test
        void nonAsciiValuesMustBeCoveredAsByteSequences() {
            RequestMessage latin1 = request("GET", "https://e.x/", "X-Name", "Caf\u00e9");

            assertThatThrownBy(() -> valueOf(latin1, "\"x-name\"")).hasMessageContaining("U+00E9").hasMessageContaining(";bs");
            assertThat(valueOf(latin1, "\"x-name\";bs")).isEqualTo(":Q2Fm6Q==:");
        }
    }

    @Nested
    class Derived {

        private final RequestMessage post = request("POST", "https://www.example.com/path?param=value", "Host", "www.example.com");

        @Test
        void requestComponentsFollowSection22() {
            assertThat(valueOf(post, "\"@method\"")).isEqualTo("POST");
            assertThat(valueOf(post, "\"@target-uri\"")).isEqualTo("https://www.example.com/path?param=value");
            assertThat(valueOf(post, "\"@authority\"")).isEqualTo("www.example.com");
            assertThat(valueOf(post, "\"@scheme\"")).isEqualTo("https");
            assertThat(valueOf(post, "\"@request-target\"")).isEqualTo("/path?param=value");
            assertThat(valueOf(post, "\"@path\"")).isEqualTo("/path");
            assertThat(valueOf(post, "\"@query\"")).isEqualTo("?param=value");
        }

        @Test
        void methodCaseIsNotNormalised() {
            assertThat(valueOf(request("get", "https://e.x/"), "\"@method\"")).isEqualTo("get");
        }

        @Test
        void queryIsAQuestionMarkWhenAbsentOrEmptyAndKeepsItsEncoding() {
            assertThat(valueOf(request("GET", "https://e.x/path?"), "\"@query\"")).isEqualTo("?");
            assertThat(valueOf(request("GET", "https://e.x/path"), "\"@query\"")).isEqualTo("?");
            assertThat(valueOf(request("GET", "https://e.x/path?param=value&foo=bar&baz=bat%2Dman"), "\"@query\""))
                    .isEqualTo("?param=value&foo=bar&baz=bat%2Dman");
        }

        @Test
        void queryParamsAreDecodedThenReEncoded() {
            RequestMessage message = request("GET",
                    "https://e.x/parameters?var=this%20is%20a%20big%0Avalue&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something&qux=");

            assertThat(valueOf(message, "\"@query-param\";name=\"var\"")).isEqualTo("this%20is%20a%20big%0Avalue");
            assertThat(valueOf(message, "\"@query-param\";name=\"bar\"")).isEqualTo("with%20plus%20whitespace");
            assertThat(valueOf(message, "\"@query-param\";name=\"fa%C3%A7ade%22%3A%20\"")).isEqualTo("something");
            assertThat(valueOf(message, "\"@query-param\";name=\"qux\"")).isEmpty();
        }

        @Test
        void repeatedOrMissingQueryParamsCannotBeCovered() {
            RequestMessage message = request("GET", "https://e.x/?a=1&a=2");

            assertThatThrownBy(() -> valueOf(message, "\"@query-param\";name=\"a\"")).hasMessageContaining("occurs 2 times");
            assertThatThrownBy(() -> valueOf(message, "\"@query-param\";name=\"b\""))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.reason()).isEqualTo(ComponentException.Reason.ABSENT));
        }

        @Test
        void statusBelongsToResponsesAndRequestComponentsNeedReqThere() {
            ResponseMessage response = ResponseMessage.of(200, HttpFields.empty(), new byte[0]).answering(post);

            assertThat(valueOf(response, "\"@status\"")).isEqualTo("200");
            assertThat(valueOf(response, "\"@authority\";req")).isEqualTo("www.example.com");
            assertThatThrownBy(() -> valueOf(response, "\"@method\"")).hasMessageContaining("\"@method\";req");
            assertThatThrownBy(() -> valueOf(post, "\"@status\"")).hasMessageContaining("only in responses");
        }

        @Test
        void reqNeedsAResponseLinkedToItsRequest() {
            ResponseMessage unlinked = ResponseMessage.of(200, HttpFields.empty(), new byte[0]);

            assertThatThrownBy(() -> valueOf(post, "\"host\";req")).hasMessageContaining("cannot be used in a request");
            assertThatThrownBy(() -> valueOf(unlinked, "\"host\";req"))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.reason()).isEqualTo(ComponentException.Reason.ABSENT));
        }

        @Test
        void reqWithKeyPicksOneSignatureOfTheRequest() {
            RequestMessage signed = post.withFields(post.fields().with("Signature", "sig1=:AQI=:, sig2=:AwQ=:"));
            ResponseMessage response = ResponseMessage.of(503, HttpFields.empty(), new byte[0]).answering(signed);

            assertThat(valueOf(response, "\"signature\";req;key=\"sig2\"")).isEqualTo(":AwQ=:");
            assertThat(valueOf(response, "\"signature\";req")).isEqualTo("sig1=:AQI=:, sig2=:AwQ=:");
        }
    }

    @Test
    void wholeBaseListsComponentsInOrderThenTheParams() {
        RequestMessage message = request("GET", "https://Example.org/a?b=c", "Host", "example.org");
        SignatureParameters parameters = SignatureParameters.builder()
                .cover(List.of(ComponentIdentifier.of("@method"), ComponentIdentifier.of("host"), ComponentIdentifier.of("@authority")))
                .created(Instant.ofEpochSecond(1700000000L))
                .keyId("k")
                .build();

        assertThat(SignatureBase.of(message, parameters).text()).isEqualTo("\"@method\": GET\n"
                + "\"host\": example.org\n"
                + "\"@authority\": example.org\n"
                + "\"@signature-params\": (\"@method\" \"host\" \"@authority\");created=1700000000;keyid=\"k\"");
    }

    @Test
    void aComponentCoveredTwiceIsRefused() {
        assertThatThrownBy(() -> SignatureParameters.builder().cover(ComponentIdentifier.of("host")).cover(ComponentIdentifier.of("host")).build())
                .isInstanceOf(ComponentException.class).hasMessageContaining("covered twice");
    }

    @Test
    void parametersAreTypeChecked() {
        assertThatThrownBy(() -> MessageSignaturesTest.parametersOf("();created=\"yesterday\""))
                .hasMessageContaining("created must be a non-negative integer");
        assertThatThrownBy(() -> MessageSignaturesTest.parametersOf("();keyid=12")).hasMessageContaining("keyid must be a string");
        assertThat(MessageSignaturesTest.parametersOf("();created=1;x-ext=?1;keyid=\"a\"").serialize()).isEqualTo("();created=1;x-ext;keyid=\"a\"");
    }
}
