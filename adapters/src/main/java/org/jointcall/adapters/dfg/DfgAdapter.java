package org.jointcall.adapters.dfg;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.ZoneId;
import java.util.List;
import org.jointcall.adapters.document.XmlFormat;
import org.jointcall.adapters.mapping.AgencyMapping;
import org.jointcall.adapters.mapping.Binding;
import org.jointcall.adapters.mapping.Bindings;
import org.jointcall.adapters.mapping.Codecs;
import org.jointcall.adapters.mapping.CommonFields;
import org.jointcall.adapters.mapping.MappingAdapter;
import org.jointcall.adapters.mapping.MessageShape;
import org.jointcall.adapters.mapping.ValueCodec;
import org.jointcall.contracts.v1.MessageKind;

/**
 * DFG states decisions as Bewilligung (grant), Teilbewilligung (partial grant) or Ablehnung (rejection),
 * dates German style and without time of day, and funds in euros. Reviewer ids (Gutachterkennung)
 * never leave DFG.
 */
public final class DfgAdapter extends MappingAdapter {

    public static final String AGENCY = "DFG";
    static final String SCHEMA = "/org/jointcall/adapters/dfg/dfg-jointcall.xsd";
    private static final ZoneId DFG_TIME = ZoneId.of("Europe/Berlin");
    private static final String DATE = "dd.MM.yyyy";

    public DfgAdapter() {
        super(agencyMapping());
    }

    static AgencyMapping agencyMapping() {
        XmlFormat format = XmlFormat.withSchema(AGENCY, "application/xml", DfgAdapter.class, SCHEMA);
        Bindings b = new Bindings(format);
        return new AgencyMapping(AGENCY, format, null, List.of(
                MessageShape.xml(MessageKind.PROPOSAL_PART, "Antrag", Bindings.message(kopf(b),
                        b.object("Projekt", "/proposalPart", projekt(b)))),
                MessageShape.xml(MessageKind.REVIEW_RESULT, "Begutachtung", Bindings.message(kopf(b),
                        b.object("Gutachten", "/reviewResult", gutachten(b)))),
                MessageShape.xml(MessageKind.FUNDING_DECISION, "Foerderentscheidung", Bindings.message(kopf(b),
                        b.object("Entscheidung", "/fundingDecision", entscheidung(b)))),
                MessageShape.xml(MessageKind.JOINT_PROPOSAL_RECORD, "GemeinsamerAntrag", Bindings.message(kopf(b),
                        b.object("Verbund", "/jointProposalRecord", verbund(b)))),
                MessageShape.xml(MessageKind.JOINT_OUTCOME_NOTICE, "GemeinsamesErgebnis", Bindings.message(kopf(b),
                        b.object("Ergebnis", "/jointOutcomeNotice", ergebnis(b))))));
    }

    private static List<Binding> kopf(Bindings b) {
        return CommonFields.envelope(b, Codecs.timestamp(),
                "Kopf/NachrichtenId", "Kopf/Absender", "Kopf/Gesendet", "Kopf/Ausschreibung", "Kopf/GemeinsameReferenz", "Kopf/VerbundId", "Kopf/Laufnummer");
    }

    private static ValueCodec rolle() {
        return Codecs.table("Rolle", "federführend", "LEAD", "beteiligt", "PARTNER");
    }

    private static List<Binding> projekt(Bindings b) {
        return List.of(
                b.field("GeprisNummer", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("VorherigeGeprisNummer", "/previousProposalId", Codecs.localProposalId(AGENCY)),
                b.field("Rolle", "/role", rolle()),
                b.field("Titel", "/title"),
                b.field("Zusammenfassung", "/abstract"),
                b.list("Schlagwort", "/keyword", Codecs.text()),
                b.group("Person", "/person", List.of(
                        b.field("ORCID", "/orcid", Codecs.orcid()),
                        b.field("Vorname", "/givenName"),
                        b.field("Nachname", "/familyName"),
                        b.field("Funktion", "/role", Codecs.table("Funktion", "Antragsteller", "PI", "Mitantragsteller", "CO_PI",
                                "Kooperationspartner", "CO_INVESTIGATOR", "Wissenschaftler", "RESEARCHER", "Doktorand", "STUDENT")),
                        b.field("Einrichtung", "/affiliation/name"),
                        b.field("Einrichtung/@ror", "/affiliation/ror", Codecs.ror()),
                        b.field("Promotionsjahr", "/degreeYear", Codecs.integer()))),
                b.constant("/budget/currency", TextNode.valueOf("EUR")),
                b.field("Mittel/DirekteKosten", "/budget/requestedDirect", Codecs.decimal()),
                b.field("Mittel/Programmpauschale", "/budget/requestedIndirect", Codecs.decimal()),
                b.field("Mittel/BewilligteSumme", "/budget/approvedAmount", Codecs.decimal()),
                b.field("Mittel/Beginn", "/budget/start", Codecs.date(DATE)),
                b.field("Mittel/Ende", "/budget/end", Codecs.date(DATE)),
                b.field("Mittel/NetzwerkUndZirkulation", "/budget/plannedNetworkAndCirculation", Codecs.decimal()));
    }

    private static List<Binding> gutachten(Bindings b) {
        return List.of(
                b.field("GeprisNummer", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("Art", "/reviewerType", Codecs.table("Begutachtungsart", "schriftlich", "EXTERNAL", "Panel", "PANEL")),
                b.withheld("Gutachterkennung", "reviewer identities never leave DFG"),
                b.constant("/nativeScale", TextNode.valueOf("DFG_VERBAL")),
                b.field("Bewertung", "/nativeScore"),
                b.derived("Bewertung", "/normalisedBand", Codecs.table("Bewertung", "hervorragend", "OUTSTANDING", "sehr gut", "STRONG",
                        "gut", "ADEQUATE", "befriedigend", "WEAK", "nicht ausreichend", "WEAK")),
                b.field("Empfehlung", "/recommendation", Codecs.table("Empfehlung", "Förderung empfohlen", "RECOMMENDED",
                        "Nachrücker", "RESERVE", "keine Förderung", "NOT_RECOMMENDED")),
                b.field("Stellungnahme", "/comments"),
                b.field("Weitergabe", "/shareable", Codecs.bool()),
                b.field("Datum", "/reviewedAt", Codecs.dateAsTimestamp(DATE, DFG_TIME)));
    }

    private static List<Binding> entscheidung(Bindings b) {
        return List.of(
                b.field("GeprisNummer", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("Ergebnis", "/outcome", Codecs.table("Entscheidung", "Bewilligung", "APPROVED", "Teilbewilligung", "APPROVED_PARTIAL",
                        "Ablehnung", "DECLINED", "Rücknahme", "WITHDRAWN")),
                b.amount("Betrag", "/amount", Codecs.decimal(), "EUR"),
                b.list("Auflage", "/condition", Codecs.text()),
                b.field("Begruendung", "/reason"),
                b.field("Datum", "/decidedAt", Codecs.dateAsTimestamp(DATE, DFG_TIME)));
    }

    private static List<Binding> verbund(Bindings b) {
        return List.of(
                b.field("Titel", "/title"),
                b.field("Status", "/status", gesamtstatus()),
                b.field("UmplanungErforderlich", "/rescopingRequired", Codecs.bool()),
                b.group("Teilprojekt", "/track", List.of(
                        b.field("Organisation", "/agency"),
                        b.field("Rolle", "/role", rolle()),
                        b.field("Erforderlich", "/required", Codecs.bool()),
                        b.field("Zustand", "/state"),
                        b.field("Zustandsgrund", "/stateReason"),
                        b.group("Gutachten", "/review", CommonFields.sharedReview(b, Codecs.timestamp(),
                                "Aktenzeichen", "Art", "Skala", "Bewertung", "Band", "Empfehlung", "Stellungnahme", "Weitergabe", "Zeitpunkt")),
                        b.object("Entscheidung", "/decision", CommonFields.trackDecision(b, Codecs.timestamp(),
                                "Aktenzeichen", "Ergebnis", "Betrag", "Betrag/@waehrung", "Zeitpunkt")))));
    }

    private static List<Binding> ergebnis(Bindings b) {
        return CommonFields.outcomeNotice(b, gesamtstatus(), Codecs.timestamp(),
                "Gesamtergebnis", "EntscheidendeOrganisation", "Begruendung", "UmplanungErforderlich", "Zeitpunkt");
    }

    private static ValueCodec gesamtstatus() {
        return Codecs.table("Gesamtstatus", "offen", "PENDING", "bewilligt", "APPROVED", "abgelehnt", "REJECTED", "gefördert", "AWARDED");
    }
}
