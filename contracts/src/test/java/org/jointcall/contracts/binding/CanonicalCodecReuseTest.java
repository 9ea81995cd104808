package org.jointcall.contracts.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec reuses its parsers, validators and binders from read to read, and its checking marshallers from
 * write to write. A read or write that failed, at whatever stage, must leave nothing behind for the next one;
 * and the shortcuts that skip a second validated pass
 * ({@link CanonicalCodec#fromJsonAsXml}) and the read of stored XML ({@link CanonicalCodec#fromStoredXml}) must
 * give exactly what the validated calls give.
 */
class CanonicalCodecReuseTest {

    private static final CanonicalCodec REFERENCE = new CanonicalCodec();

    private static String validXml() {
        return new String(REFERENCE.toXml(CanonicalSamples.jstProposalPart()), StandardCharsets.UTF_8);
    }

    /** Documents that fail at each stage of a read: parser, DOCTYPE guard, schema, binding root, content rules. */
    static List<String> badDocuments() {
        String valid = validXml();
        return List.of(
                valid.substring(0, valid.indexOf("</person>")),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE message [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                        + valid.substring(valid.indexOf("<message")).replace("<callId>ASPIRE-2026-UK-BIO</callId>", "<callId>&xxe;</callId>"),
                valid.replace("<requestedDirect>180000000</requestedDirect>", "<requestedDirect>-5</requestedDirect>"),
                valid.replace("</title>", "</titel>"),
                valid.replace("<orcid>0000-0002-1825-0097</orcid>", "<orcid>0000-0002-1825-0098</orcid>"),
                new String(REFERENCE.callToXml(CanonicalSamples.ukBioCall()), StandardCharsets.UTF_8));
    }

    private static List<MessageProblem> problemsOf(CanonicalCodec codec, String xml) {
        InvalidMessageException refused = catchThrowableOfType(InvalidMessageException.class,
                () -> codec.fromXml(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused).as("refused: %s", xml).isNotNull();
        return refused.problems();
    }

    @ParameterizedTest
    @MethodSource("badDocuments")
    void aFailedReadLeavesNothingBehindForTheNextReadOnTheSameThread(String bad) {
        CanonicalCodec codec = new CanonicalCodec();
        byte[] good = validXml().getBytes(StandardCharsets.UTF_8);
        List<MessageProblem> first = problemsOf(codec, bad);

        CanonicalMessage read = codec.fromXml(good);
        List<MessageProblem> again = problemsOf(codec, bad);
        CanonicalMessage readAgain = codec.fromXml(good);

        assertThat(codec.toXml(read)).isEqualTo(good);
        assertThat(codec.toXml(readAgain)).isEqualTo(good);
        assertThat(again).isEqualTo(first);
        assertThat(first).isEqualTo(problemsOf(new CanonicalCodec(), bad));
    }

    @Test
    void concurrentReadsOfGoodAndBadDocumentsEachGetTheirOwnAnswer() throws Exception {
        CanonicalCodec codec = new CanonicalCodec();
        byte[] good = validXml().getBytes(StandardCharsets.UTF_8);
        List<String> bad = badDocuments();
        List<List<MessageProblem>> expected = bad.stream().map(xml -> problemsOf(REFERENCE, xml)).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int offset = w;
                workers.add(() -> {
                    for (int i = 0; i < 60; i++) {
                        int which = (i + offset) % bad.size();
                        assertThat(problemsOf(codec, bad.get(which))).isEqualTo(expected.get(which));
                        assertThat(codec.toXml(codec.fromXml(good))).isEqualTo(good);
                    }
                    return 60;
                });
            }
            for (Future<Integer> done : threads.invokeAll(workers)) {
                assertThat(done.get()).isEqualTo(60);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    static List<CanonicalMessage> samples() {
        return List.of(CanonicalSamples.jstProposalPart(), CanonicalSamples.nsfReview(), CanonicalSamples.ukriPartialDecision(),
                CanonicalSamples.jointProposalRecord(), CanonicalSamples.rejectionNotice());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theXmlValidatedFromJsonIsTheXmlToXmlWrites(CanonicalMessage sample) {
        byte[] json = REFERENCE.toJson(sample);

        ValidatedMessage validated = REFERENCE.fromJsonAsXml(json);

        assertThat(validated.xml()).isEqualTo(REFERENCE.toXml(validated.message()));
        assertThat(REFERENCE.toJson(validated.message())).isEqualTo(json);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void storedXmlReadsAsTheValidatedReadDoes(CanonicalMessage sample) {
        byte[] xml = REFERENCE.toXml(sample);

        assertThat(REFERENCE.toXml(REFERENCE.fromStoredXml(xml))).isEqualTo(xml);
        assertThat(REFERENCE.storedXmlToTree(xml)).isEqualTo(REFERENCE.toTree(REFERENCE.fromXml(xml)));
    }

    @Test
    void storedXmlIsParsedAsCarefullyAsAnyInput() {
        String valid = validXml();
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE message [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + valid.substring(valid.indexOf("<message")).replaceFirst("<callId>[^<]*</callId>", "<callId>&xxe;</callId>");
        String cut = valid.substring(0, valid.indexOf("</person>"));

        assertThatThrownBy(() -> REFERENCE.fromStoredXml(hostile.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> REFERENCE.fromStoredXml(cut.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("stored canonical XML does not bind");
        // A failed read leaves its reader out of the pool: the next read is whole.
        assertThat(REFERENCE.toXml(REFERENCE.fromStoredXml(valid.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(valid.getBytes(StandardCharsets.UTF_8));
    }

    /** Messages {@code toXml} must refuse: one the schema stops while it is written, one only the content rules catch. */
    static List<CanonicalMessage> badMessages() {
        CanonicalMessage negativeAmount = CanonicalSamples.ukriPartialDecision();
        negativeAmount.getFundingDecision().getAmount().setValue(new BigDecimal("-1.00"));
        CanonicalMessage missingTitle = CanonicalSamples.jointProposalRecord();
        missingTitle.getJointProposalRecord().setTitle(null);
        CanonicalMessage wrongBody = CanonicalSamples.jstProposalPart();
        wrongBody.setKind(MessageKind.FUNDING_DECISION);
        CanonicalMessage unshareableReview = CanonicalSamples.jointProposalRecord();
        unshareableReview.getJointProposalRecord().getTracks().get(1).getReviews().get(0).setShareable(false);
        return List.of(negativeAmount, missingTitle, wrongBody, unshareableReview);
    }

    @ParameterizedTest
    @MethodSource("badMessages")
    void aRefusedWriteLeavesNothingBehindForTheNextWriteOnTheSameThread(CanonicalMessage bad) {
        CanonicalCodec codec = new CanonicalCodec();
        List<MessageProblem> first = catchThrowableOfType(InvalidMessageException.class, () -> codec.toXml(bad)).problems();

        byte[] good = codec.toXml(CanonicalSamples.jointProposalRecord());
        List<MessageProblem> again = catchThrowableOfType(InvalidMessageException.class, () -> codec.toXml(bad)).problems();
        byte[] goodAgain = codec.toXml(CanonicalSamples.jointProposalRecord());

        assertThat(good).isEqualTo(REFERENCE.toXml(CanonicalSamples.jointProposalRecord()));
        assertThat(goodAgain).isEqualTo(good);
        assertThat(codec.fromXml(good)).isEqualTo(CanonicalSamples.jointProposalRecord());
        assertThat(again).isEqualTo(first);
        assertThat(first).isNotEmpty().allSatisfy(problem -> assertThat(problem.line()).isPositive());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writingWhileValidatingGivesTheBytesOfAPlainWrite(CanonicalMessage sample) {
        byte[] xml = REFERENCE.toXml(sample);

        assertThat(REFERENCE.fromXml(xml)).isEqualTo(sample);
        assertThat(REFERENCE.toXml(REFERENCE.fromXml(xml))).isEqualTo(xml);
        assertThat(REFERENCE.fromJsonAsXml(REFERENCE.toJson(sample)).xml()).isEqualTo(xml);
    }
}
