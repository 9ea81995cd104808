package org.jointcall.gateway.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jointcall.adapters.spi.TranslationNote;
import org.jointcall.adapters.spi.TranslationReport;
import org.jointcall.signature.verify.Verdict;

/** The verifier's verdict and the adapter's report as the JSON the ledger stores. */
public final class EvidenceJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceJson() {
    }

    public static String verdict(Verdict verdict) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("agency", verdict.agency());
        members.put("keyId", verdict.keyId());
        members.put("algorithm", verdict.algorithm().identifier());
        members.put("label", verdict.label());
        members.put("covered", verdict.coveredComponents());
        members.put("created", verdict.created().toString());
        verdict.expires().ifPresent(expires -> members.put("expires", expires.toString()));
        verdict.nonce().ifPresent(nonce -> members.put("nonce", nonce));
        verdict.tag().ifPresent(tag -> members.put("tag", tag));
        return write(members);
    }

    /** Null for a lossless translation. */
    static String report(TranslationReport report) {
        if (report.isLossless()) {
            return null;
        }
        List<Map<String, String>> notes = report.notes().stream().map(EvidenceJson::note).toList();
        return write(notes);
    }

    private static Map<String, String> note(TranslationNote note) {
        return Map.of("kind", note.kind().name(), "field", note.field(), "detail", note.detail());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ledger evidence as JSON", e);
        }
    }
}
