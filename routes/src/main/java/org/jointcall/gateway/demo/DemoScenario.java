package org.jointcall.gateway.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.Person;
import org.jointcall.contracts.v1.Recommendation;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the demo plays, over real signed HTTP to the gateway's own partner API, each agency signing
 * with its own key and writing in its own format, with pauses so that someone watching the console
 * sees it move:
 * <ol>
 * <li>{@code ASPIRE-2027-RISING-DE-001}: JST and DFG submit, JST approves; DFG stays silent;</li>
 * <li>{@code ASPIRE-2027-AI-001}: all five agencies submit, review and approve (DFG with a cut
 * budget, so rescoping is required): APPROVED;</li>
 * <li>{@code ASPIRE-2027-AI-002}: NSF declines while the others are still reviewing: REJECTED at
 * once, every agency told;</li>
 * <li>UKRI's system goes down (503) for {@link #PARTNER_DOWN}: {@code ASPIRE-2027-AI-003} arrives
 * meanwhile, deliveries to UKRI are retried, its circuit opens, and all is delivered once it is back;</li>
 * <li>{@code ASPIRE-2027-AI-004}: submitted, under review (PENDING);</li>
 * <li>the RISING call's decision deadline passes: the deadline sweep lapses DFG's track, the proposal
 * is REJECTED, and DFG's decision arrives late.</li>
 * </ol>
 * Message ids, contents and timestamps are fixed for a given first start, so replaying after an
 * interrupted run sends the very same messages and the gateway answers them with their original
 * receipts; a completed run leaves {@code scenario-played} and is not played again. Each simulated partner
 * answers reconciliation's status query with the last message it sent about a proposal.
 */
final class DemoScenario implements Runnable {

    static final Duration PARTNER_DOWN = Duration.ofSeconds(40);
    static final List<String> STORY = List.of(
            "ASPIRE-2027-AI-001 approved by JST, NSF, UKRI, DFG and NWO (DFG cuts its budget: rescoping required)",
            "ASPIRE-2027-AI-002 declined by NSF while the others review: rejected at once",
            "UKRI's system down for " + PARTNER_DOWN.toSeconds() + " s: deliveries retried, circuit open, then delivered",
            "ASPIRE-2027-AI-004 under review",
            "ASPIRE-2027-RISING-DE-001: DFG misses the decision deadline (track lapses), then decides late");
    private static final Logger LOG = LoggerFactory.getLogger(DemoScenario.class);
    private static final Duration BETWEEN_MESSAGES = Duration.ofMillis(400);
    private static final Duration BETWEEN_SCENES = Duration.ofSeconds(3);
    private static final Duration GATEWAY_PATIENCE = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI gateway;
    private final DemoAgencies agencies;
    private final Map<String, PartnerSimulator> partners;
    private final AdapterRegistry adapters;
    private final DemoProgress progress;
    private final Instant closingDecision;
    private final Clock clock = Clock.systemUTC();

    DemoScenario(URI gateway, DemoAgencies agencies, Map<String, PartnerSimulator> partners, AdapterRegistry adapters,
            DemoProgress progress, Instant closingDecision) {
        this.gateway = gateway;
        this.agencies = agencies;
        this.partners = partners;
        this.adapters = adapters;
        this.progress = progress;
        this.closingDecision = closingDecision;
    }

    @Override
    public void run() {
        try {
            awaitGateway();
            play();
            progress.played();
            LOG.info("Demo: scenario played to the end; it is not played again while {} exists", progress.marker());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("Demo: scenario stopped (the gateway is shutting down); the next start plays it again");
        } catch (RuntimeException | IOException e) {
            LOG.error("Demo: scenario stopped: {}", e.toString(), e);
        }
    }

    private void play() throws InterruptedException, IOException {
        DemoProposal late = new DemoProposal(DemoCalls.CLOSING, 1, "Machine learning for catalyst discovery",
                "触媒探索のための機械学習");
        scene("submitted in the RISING call; JST approves, DFG has not decided yet");
        submit(late, List.of("JST", "DFG"));
        send(late.message("JST", "review", 2, recommendation(Recommendation.RECOMMENDED)));
        send(late.message("JST", "decision", 3, decision(FundingOutcome.APPROVED, null)));

        DemoProposal approved = new DemoProposal(DemoCalls.MAIN, 1, "Trustworthy federated learning for multilingual clinical text",
                "多言語臨床テキストのための信頼できる連合学習");
        scene(approved.reference() + ": submitted to all five agencies, reviewed and approved by all");
        submit(approved, DemoAgencies.all());
        for (String agency : DemoAgencies.all()) {
            send(approved.message(agency, "review", 2, recommendation(Recommendation.RECOMMENDED)));
        }
        for (String agency : DemoAgencies.all()) {
            // DFG's sample decision approves with cut equipment funds: the joint approval then requires rescoping.
            send(approved.message(agency, "decision", 3, agency.equals("DFG") ? message -> { }
                    : decision(FundingOutcome.APPROVED, null)));
        }

        DemoProposal rejected = new DemoProposal(DemoCalls.MAIN, 2, "Neuro-symbolic verification of autonomous driving software",
                "自動運転ソフトウェアのニューロシンボリック検証");
        scene(rejected.reference() + ": NSF declines while the others are still reviewing");
        submit(rejected, DemoAgencies.all());
        send(rejected.message("JST", "review", 2, recommendation(Recommendation.RECOMMENDED)));
        send(rejected.message("NSF", "review", 2, recommendation(Recommendation.NOT_RECOMMENDED)));
        send(rejected.message("NSF", "decision", 3, decision(FundingOutcome.DECLINED,
                "The panel did not rank the proposal within the fundable range.")));
        pause(BETWEEN_SCENES);
        send(rejected.message("UKRI", "review", 2, recommendation(Recommendation.RECOMMENDED)));
        send(rejected.message("DFG", "review", 2, recommendation(Recommendation.RESERVE)));

        DemoProposal duringOutage = new DemoProposal(DemoCalls.MAIN, 3, "Low-resource speech recognition for endangered languages",
                "消滅危機言語のための低資源音声認識");
        scene("UKRI's system answers 503 for " + PARTNER_DOWN.toSeconds() + " s while " + duringOutage.reference() + " arrives");
        PartnerSimulator ukri = partners.get("UKRI");
        ukri.failWith(503);
        try {
            submit(duringOutage, DemoAgencies.all());
            send(duringOutage.message("JST", "review", 2, recommendation(Recommendation.RECOMMENDED)));
            send(duringOutage.message("NWO", "review", 2, recommendation(Recommendation.RECOMMENDED)));
            pause(PARTNER_DOWN);
        } finally {
            ukri.recover();
        }
        LOG.info("Demo: UKRI's system is back; the gateway delivers what waited for it");

        DemoProposal underReview = new DemoProposal(DemoCalls.MAIN, 4, "Energy-efficient foundation models on edge hardware",
                "エッジハードウェア上の省電力基盤モデル");
        scene(underReview.reference() + ": submitted, under review");
        submit(underReview, DemoAgencies.all());
        send(underReview.message("JST", "review", 2, recommendation(Recommendation.RECOMMENDED)));
        send(underReview.message("NWO", "review", 2, recommendation(Recommendation.RESERVE)));

        Instant lateDecision = closingDecision.plusSeconds(20);
        scene(late.reference() + ": the decision deadline " + closingDecision + " passes; DFG decides at " + lateDecision);
        pause(Duration.between(clock.instant(), lateDecision));
        send(late.message("DFG", "decision", 3, decision(FundingOutcome.APPROVED, null)
                .andThen(message -> message.getFundingDecision().setDecidedAt(lateDecision.atOffset(ZoneOffset.UTC)))));
    }

    private void submit(DemoProposal proposal, List<String> agencyCodes) throws InterruptedException, IOException {
        for (String agency : agencyCodes) {
            send(proposal.message(agency, "proposal", 1, message -> { }));
        }
    }

    private static Consumer<CanonicalMessage> recommendation(Recommendation recommendation) {
        return message -> message.getReviewResult().setRecommendation(recommendation);
    }

    /** {@code outcome}; a negative one carries {@code reason} and neither amount nor conditions. */
    private static Consumer<CanonicalMessage> decision(FundingOutcome outcome, String reason) {
        return message -> {
            message.getFundingDecision().setOutcome(outcome);
            message.getFundingDecision().setReason(reason);
            if (reason != null) {
                message.getFundingDecision().setAmount(null);
                message.getFundingDecision().getConditions().clear();
            }
        };
    }

    /** Signs {@code message} in its sender's format with the sender's key and posts it; logs what the gateway answered. */
    private void send(CanonicalMessage message) throws InterruptedException, IOException {
        String sender = message.getSender();
        OutboundTranslation translation = adapters.require(sender).fromCanonical(message);
        RequestMessage request = RequestMessage.of("POST", gateway.resolve("/api/v1/exchange/" + sender + "/messages"),
                HttpFields.of("Content-Type", translation.mediaType()), translation.body());
        RequestMessage signed = PartnerRequests.signer(agencies.key(sender), clock).signRequest(request).message();
        HttpResponse<String> answer = HTTP.send(PartnerRequests.http(signed, HttpRequest.BodyPublishers.ofByteArray(signed.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        String kind = message.getKind().value().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (answer.statusCode() == 202) {
            rememberAsLatest(message);
            LOG.info("Demo: {} sent its {} for {} ({}): accepted", sender, kind, message.getJointReference(), message.getMessageId());
        } else {
            LOG.warn("Demo: {} sent its {} for {} ({}): the gateway answered {} {}", sender, kind, message.getJointReference(),
                    message.getMessageId(), answer.statusCode(), answer.body());
        }
        pause(BETWEEN_MESSAGES);
    }

    /**
     * A simulated partner answers reconciliation's status query with the last message it sent about a proposal,
     * as a real partner's system would; so reconciliation finds the partners in agreement with the gateway.
     */
    private void rememberAsLatest(CanonicalMessage message) {
        PartnerSimulator partner = partners.get(message.getSender());
        if (partner != null) {
            String localId = switch (message.getKind()) {
                case PROPOSAL_PART -> message.getProposalPart().getLocalProposalId();
                case REVIEW_RESULT -> message.getReviewResult().getLocalProposalId();
                case FUNDING_DECISION -> message.getFundingDecision().getLocalProposalId();
                default -> null;
            };
            if (localId != null) {
                partner.reportStatus(localId, message);
            }
        }
    }

    private void scene(String what) throws InterruptedException {
        pause(BETWEEN_SCENES);
        LOG.info("Demo: {}", what);
    }

    /** Waits until the gateway's partner API answers: the scenario starts while the gateway is still deploying. */
    private void awaitGateway() throws InterruptedException {
        Instant deadline = clock.instant().plus(GATEWAY_PATIENCE);
        HttpRequest info = HttpRequest.newBuilder(gateway.resolve("/api/v1/info")).timeout(Duration.ofSeconds(5)).GET().build();
        while (clock.instant().isBefore(deadline)) {
            try {
                if (HTTP.send(info, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            pause(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("the gateway did not answer at " + gateway + " within " + GATEWAY_PATIENCE.toMinutes()
                + " minutes; set gateway.demo.gateway-url if it listens elsewhere");
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    }

    /** One demo proposal: its call, its number there and its title in English and Japanese (for JST's system). */
    record DemoProposal(String callId, int number, String title, String titleJa) {

        String reference() {
            return callId + "-" + String.format("%03d", number);
        }

        /** The agency's local proposal id in its own format, distinct per demo proposal. */
        String localId(String agency) {
            return switch (agency) {
                case "JST" -> String.format("JPMJAP%s%02d", callId.equals(DemoCalls.MAIN) ? "27" : "28", number);
                case "NSF" -> String.format("27%s%03d", callId.equals(DemoCalls.MAIN) ? "50" : "60", number);
                case "UKRI" -> String.format("EP/Z5%05d/1", number);
                case "DFG" -> String.format("5%s%06d", callId.equals(DemoCalls.MAIN) ? "10" : "20", number);
                case "NWO" -> String.format("NWA.1418.27.%03d", number);
                default -> throw new IllegalArgumentException("no local proposal id format for " + agency);
            };
        }

        /**
         * {@code agency}'s sample {@code kind} about this proposal, with a fixed message id (the sample's
         * timestamps are fixed too, so a replay sends the same bytes), changed further by {@code change}.
         */
        CanonicalMessage message(String agency, String kind, long sequence, Consumer<CanonicalMessage> change) {
            CanonicalMessage message = SampleMessages.of(agency, kind);
            message.setMessageId(("demo-" + reference() + "-" + agency + "-" + kind).toLowerCase(Locale.ROOT));
            message.setCallId(callId);
            message.setJointReference(reference());
            message.setJointProposalId(null);
            message.setAgencySequence(sequence);
            String local = localId(agency);
            switch (kind) {
                case "proposal" -> {
                    message.getProposalPart().setLocalProposalId(local);
                    message.getProposalPart().setTitle(agency.equals("JST") ? titleJa : title);
                    if (agency.equals("JST")) {
                        // Each demo proposal has a PI of its own: one researcher leading two of them in one fiscal
                        // year would break ASPIRE's one-application rule, and the console would say so on both.
                        Person pi = message.getProposalPart().getPersons().get(0);
                        pi.setOrcid(null);
                        pi.getResearcherNumber().setValue(String.format("1%s%06d", callId.equals(DemoCalls.MAIN) ? "0" : "1", number));
                    }
                }
                case "review" -> message.getReviewResult().setLocalProposalId(local);
                case "decision" -> message.getFundingDecision().setLocalProposalId(local);
                default -> throw new IllegalArgumentException("no demo message kind " + kind);
            }
            change.accept(message);
            return message;
        }
    }
}
