package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jointcall.gateway.it.JointCallGateway.AGENCIES;
import static org.jointcall.gateway.it.JointCallGateway.await;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.Recommendation;
import org.jointcall.contracts.v1.TrackRecord;
import org.jointcall.gateway.ledger.HeaderLines;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.verify.InMemoryNonceStore;
import org.jointcall.signature.verify.SignatureRejectedException;
import org.jointcall.signature.verify.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole exchange over real HTTP: NSF, UKRI, DFG and NWO (WireMock, each signing its receipts)
 * send signed messages in their own formats to the running gateway on PostgreSQL, and what the
 * joint-call rule decides reaches every one of them in its own format.
 */
class JointDecisionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    private static JointCallGateway setup;

    @BeforeAll
    static void gatewayWithFourPushPartners() {
        // Alerts checked twice a second, and a held message alerted at once (MESSAGES_HELD, below).
        setup = JointCallGateway.start("joint-decision", root, Map.of("gateway.alerts.check-period", "500",
                "gateway.alerts.held-minutes", "0"));
    }

    @AfterAll
    static void stop() {
        setup.close();
    }

    @Test
    void anApprovalByAllFourIsDeliveredToEveryAgencyInItsOwnFormat() {
        String reference = reference("A");
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        AGENCIES.forEach(agency -> setup.send(agency, "decision", reference, 5,
                m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED)));

        for (String agency : AGENCIES) {
            await(agency + " told APPROVED", PATIENCE, () -> !notices(agency, reference).isEmpty());
            assertThat(notices(agency, reference)).singleElement()
                    .satisfies(notice -> assertThat(notice.getJointOutcomeNotice().getOutcome()).isEqualTo(JointStatus.APPROVED));
        }
    }

    @Test
    void oneDeclineWhileTheOthersStillReviewIsDeliveredToAllAsARejectionAtOnce() throws SQLException {
        String reference = reference("R");
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        setup.send("DFG", "review", reference, 2, m -> { });
        setup.send("NSF", "review", reference, 2, m -> m.getReviewResult().setRecommendation(Recommendation.RECOMMENDED));
        setup.send("UKRI", "decision", reference, 3, m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED));

        for (String agency : AGENCIES) {
            await(agency + " told REJECTED", PATIENCE, () -> !notices(agency, reference).isEmpty());
            CanonicalMessage notice = notices(agency, reference).get(0);
            assertThat(notice.getJointOutcomeNotice().getOutcome()).isEqualTo(JointStatus.REJECTED);
            assertThat(notice.getJointOutcomeNotice().getDecidingAgency()).isEqualTo("UKRI");
        }
        assertThat(setup.database.column("SELECT t.agency || ' ' || t.state FROM agency_track t JOIN joint_proposal p USING (joint_id)"
                + " WHERE p.joint_reference = '" + reference + "' AND t.agency <> 'UKRI'"))
                .as("the others were still reviewing").noneMatch(track -> track.endsWith("APPROVED") || track.endsWith("DECLINED"));
    }

    @Test
    void duplicatesAndOutOfOrderDecisionsChangeNothing() throws SQLException {
        String reference = reference("D");
        setup.send("NWO", "decision", reference, 5, m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED));
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        setup.send("NWO", "decision", reference, 5, m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED));
        setup.send("NSF", "decision", reference, 5, m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED));
        setup.send("NSF", "decision", reference, 4, m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED));
        setup.send("DFG", "decision", reference, 5, m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED));
        setup.send("UKRI", "decision", reference, 5, m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED));

        for (String agency : AGENCIES) {
            await(agency + " told APPROVED", PATIENCE, () -> !notices(agency, reference).isEmpty());
        }
        await("every message to the partners delivered", PATIENCE, () -> undelivered(reference) == 0);
        for (String agency : AGENCIES) {
            assertThat(notices(agency, reference)).as("notices to " + agency).singleElement()
                    .satisfies(notice -> assertThat(notice.getJointOutcomeNotice().getOutcome()).isEqualTo(JointStatus.APPROVED));
        }
        assertThat(setup.database.column("SELECT processing_state || ' ' || split_part(coalesce(processing_detail, ''), ':', 1)"
                + " FROM exchange_ledger WHERE joint_reference = '" + reference + "' AND kind = 'FUNDING_DECISION' ORDER BY ledger_id"))
                .containsExactly("APPLIED APPLIED to joint proposal " + jointId(reference), "APPLIED DUPLICATE",
                        "APPLIED APPLIED to joint proposal " + jointId(reference), "APPLIED STALE",
                        "APPLIED APPLIED to joint proposal " + jointId(reference), "APPLIED APPLIED to joint proposal " + jointId(reference));
    }

    /**
     * What a push leaves as evidence is enough for anyone holding the public keys: the request's header lines as the
     * partner received them with the body the recipient's adapter writes again from the stored canonical XML, verifiable
     * as the gateway's (its signed Content-Digest included), and the partner's receipt, verifiable as answering that request.
     */
    @Test
    void eachPushKeepsTheSignedRequestThePartnerReceivedAndTheReceiptThatAnswersIt() throws Exception {
        String reference = reference("E");
        setup.send("NSF", "proposal", reference, 1, m -> { });
        await("the joint proposal record delivered to all four", PATIENCE,
                () -> setup.outboxCount(reference, "state = 'DELIVERED'") == AGENCIES.size());

        try (Connection connection = setup.database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT o.recipient, o.request_uri, o.request_headers::text,"
                     + " o.canonical_xml, o.receipt_status, o.receipt_headers::text, o.receipt_body FROM outbox_message o"
                     + " JOIN joint_proposal p USING (joint_id) WHERE p.joint_reference = ?")) {
            query.setString(1, reference);
            try (ResultSet row = query.executeQuery()) {
                int rows = 0;
                while (row.next()) {
                    rows++;
                    String partner = row.getString(1);
                    RequestMessage sent = RequestMessage.of("POST", URI.create(row.getString(2)), HeaderLines.fromJson(row.getString(3)),
                            setup.adapters.require(partner).fromStoredCanonicalXml(row.getBytes(4)).body());
                    String signature = sent.fields().values("Signature").get(0);
                    assertThat(setup.partners.partner(partner).received()).as("what " + partner + " received with that signature")
                            .filteredOn(request -> signature.equals(request.getHeader("Signature"))).singleElement()
                            .satisfies(request -> assertThat(request.getBody()).isEqualTo(sent.body()));

                    Clock clock = Clock.systemUTC();
                    assertThat(SignatureProfile.requestVerifier(setup.agencies.gatewayKeyRegistry(), new InMemoryNonceStore(clock), clock)
                            .verify(sent, TestAgencies.GATEWAY_KEY_OWNER).keyId()).isEqualTo(TestAgencies.GATEWAY_KEY_ID);
                    ResponseMessage receipt = ResponseMessage.of(row.getInt(5), HeaderLines.fromJson(row.getString(6)), row.getBytes(7))
                            .answering(sent);
                    assertThat(SignatureProfile.receiptVerifier(setup.agencies.keyRegistry(partner), new InMemoryNonceStore(clock), clock)
                            .verify(receipt, partner.toLowerCase(Locale.ROOT)).keyId()).isEqualTo(setup.agencies.key(partner).keyId());
                    RequestMessage altered = sent.withBody(new String(sent.body(), StandardCharsets.UTF_8)
                            .replace(reference, reference + "-X").getBytes(StandardCharsets.UTF_8));
                    assertThatThrownBy(() -> SignatureProfile.requestVerifier(setup.agencies.gatewayKeyRegistry(),
                            new InMemoryNonceStore(clock), clock).verify(altered, TestAgencies.GATEWAY_KEY_OWNER))
                            .as("a body other than the one sent does not pass for it").isInstanceOf(SignatureRejectedException.class);
                }
                assertThat(rows).isEqualTo(AGENCIES.size());
            }
        }
    }

    @Test
    void aPullAgencyReadsItsInboxInItsOwnFormatAndIsOfferedWhatItDidNotAcknowledgeAgain() throws Exception {
        String reference = reference("P");
        setup.send("JST", "proposal", reference, 1, m -> m.setCallId("ASPIRE-2026-PULL"));
        setup.send("NSF", "proposal", reference, 1, m -> m.setCallId("ASPIRE-2026-PULL"));
        await("JST's two records offered", PATIENCE, () -> inbox("0", reference).size() == 2);

        JsonNode page = parse(setup.signedWithoutBody("GET", "JST", "/api/v1/exchange/JST/inbox?after=0").body());
        List<JsonNode> mine = inbox("0", reference);
        assertThat(mine).allSatisfy(message -> {
            assertThat(message.path("kind").asText()).isEqualTo("JOINT_PROPOSAL_RECORD");
            CanonicalMessage record = setup.adapters.require("JST").toCanonical(message.path("body").asText().getBytes(StandardCharsets.UTF_8)).message();
            assertThat(record.getJointProposalRecord().getTracks()).extracting(TrackRecord::getAgency).containsExactly("JST", "NSF");
        });
        PartnerClient.Answer ack = setup.signedWithoutBody("POST", "JST", "/api/v1/exchange/JST/inbox/" + mine.get(0).path("id").asText() + "/ack");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(gatewaySignature(ack).keyId()).as("the acknowledgement's answer is signed by the gateway")
                .isEqualTo(TestAgencies.GATEWAY_KEY_ID);
        String acknowledged = mine.get(0).path("id").asText();
        String where = " FROM outbox_message WHERE message_id = '" + acknowledged + "'";
        assertThat(setup.column("SELECT ack_uri" + where)).as("the acknowledgement's target as received")
                .containsExactly(setup.gateway().uri("/api/v1/exchange/JST/inbox/" + acknowledged + "/ack").toString());
        RequestMessage keptAck = RequestMessage.of("POST", URI.create(setup.column("SELECT ack_uri" + where).get(0)),
                HeaderLines.fromJson(setup.column("SELECT ack_headers::text" + where).get(0)), new byte[0]);
        assertThat(SignatureProfile.requestVerifier(setup.agencies.keyRegistry("JST"), new InMemoryNonceStore(Clock.systemUTC()),
                Clock.systemUTC()).verify(keptAck, "jst").keyId()).as("JST's acknowledgement, kept as evidence, verifies with its key")
                .isEqualTo(setup.agencies.key("JST").keyId()).isEqualTo(setup.column("SELECT ack_verdict ->> 'keyId'" + where).get(0));

        assertThat(inbox("0", reference)).extracting(message -> message.path("id").asText())
                .as("unacknowledged messages are offered again").containsExactly(mine.get(1).path("id").asText());
        assertThat(inbox(page.path("cursor").asText(), reference)).as("nothing after the cursor").isEmpty();
        assertThat(setup.signedWithoutBody("POST", "JST", "/api/v1/exchange/JST/inbox/gw-0-no-such-message/ack").status()).isEqualTo(404);
        PartnerClient.Answer unsigned = new PartnerClient(setup.gateway()).send(RequestMessage.of("GET",
                setup.gateway().uri("/api/v1/exchange/JST/inbox"), HttpFields.of("Content-Type", "application/json"), new byte[0]));
        assertThat(unsigned.status()).as("an unsigned inbox request: " + unsigned.body()).isEqualTo(401);
    }

    @Test
    void inboxAnswersAreSignedByTheGatewayAndASignedInboxRequestCannotBeReplayed() throws Exception {
        RequestMessage read = setup.signWithoutBody("GET", "JST", "/api/v1/exchange/JST/inbox?after=0");
        PartnerClient jst = new PartnerClient(setup.gateway());

        PartnerClient.Answer page = jst.send(read);
        PartnerClient.Answer replay = jst.send(read);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.header("Content-Digest")).hasSize(1);
        assertThat(gatewaySignature(page).coveredComponents()).containsExactly("\"@status\"", "\"content-digest\"", "\"signature\";req");
        assertThat(replay.status()).as(replay.body()).isEqualTo(401);
        assertThat(replay.problem().path("type").asText()).isEqualTo("https://jointcall.org/problems/replay");

        RequestMessage ack = setup.signWithoutBody("POST", "JST", "/api/v1/exchange/JST/inbox/gw-0-no-such-message/ack");
        assertThat(jst.send(ack).status()).isEqualTo(404);
        PartnerClient.Answer ackReplay = jst.send(ack);
        assertThat(ackReplay.status()).as(ackReplay.body()).isEqualTo(401);
        assertThat(ackReplay.problem().path("type").asText()).isEqualTo("https://jointcall.org/problems/replay");
    }

    @Test
    void inboxRefusalsAreProblemDocumentsThatSayWhatToDo() {
        PartnerClient.Answer word = setup.signedWithoutBody("GET", "JST", "/api/v1/exchange/JST/inbox?after=latest");
        PartnerClient.Answer negative = setup.signedWithoutBody("GET", "JST", "/api/v1/exchange/JST/inbox?after=-1");
        PartnerClient.Answer neverGivenOut = setup.signedWithoutBody("GET", "JST", "/api/v1/exchange/JST/inbox?after=987654321");
        PartnerClient.Answer pushAgency = setup.signedWithoutBody("GET", "NSF", "/api/v1/exchange/NSF/inbox?after=0");
        PartnerClient.Answer pushAgencyAck = setup.signedWithoutBody("POST", "NSF", "/api/v1/exchange/NSF/inbox/gw-0-anything/ack");
        PartnerClient.Answer unknown = setup.signedWithoutBody("POST", "JST", "/api/v1/exchange/JST/inbox/gw-0-no-such-message/ack");

        for (PartnerClient.Answer badCursor : List.of(word, negative, neverGivenOut)) {
            assertThat(badCursor.status()).as(badCursor.body()).isEqualTo(400);
            assertThat(badCursor.problem().path("type").asText()).isEqualTo("https://jointcall.org/problems/cursor-invalid");
            assertThat(badCursor.problem().path("instance").asText()).isEqualTo("/api/v1/exchange/JST/inbox");
        }
        assertThat(word.problem().path("detail").asText()).startsWith("after='latest' is not a cursor this gateway gave out");
        assertThat(neverGivenOut.problem().path("detail").asText()).startsWith("after=987654321 is beyond every cursor");
        for (PartnerClient.Answer notPulled : List.of(pushAgency, pushAgencyAck)) {
            assertThat(notPulled.status()).as(notPulled.body()).isEqualTo(409);
            assertThat(notPulled.problem().path("type").asText()).isEqualTo("https://jointcall.org/problems/inbox-not-pulled");
            assertThat(notPulled.problem().path("detail").asText()).contains("NSF is configured for push delivery to http://localhost:");
        }
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.problem().path("type").asText()).isEqualTo("https://jointcall.org/problems/inbox-message-unknown");
        assertThat(unknown.problem().path("detail").asText()).isEqualTo("the inbox of JST holds no message gw-0-no-such-message");
    }

    @Test
    void aSenderLearnsWhatBecameOfItsAcceptedMessageFromTheStatusMonitor() throws Exception {
        String reference = reference("M");
        String early = setup.send("NSF", "review", reference, 2, m -> { });
        String part = setup.send("DFG", "proposal", reference, 1, m -> { });
        await("DFG's part applied", PATIENCE, () -> "APPLIED".equals(status("DFG", part).path("state").asText()));
        // Applying DFG's part requeues NSF's held review, which is held again, now for NSF's own part.
        await("NSF's review held for NSF's part", PATIENCE,
                () -> status("NSF", early).path("detail").asText().contains("NSF's own proposal part for joint reference " + reference));

        assertThat(status("NSF", early).path("state").asText()).isEqualTo("HELD");
        await("coordinators alerted to NSF's held message", PATIENCE, () -> openAlert("MESSAGES_HELD", "NSF").contains(early));
        JsonNode applied = status("DFG", part);
        assertThat(applied.path("ledgerId").asLong()).isPositive();
        assertThat(applied.path("processedAt").asText()).isNotEmpty();

        PartnerClient.Answer unknown = setup.signedWithoutBody("GET", "NSF", "/api/v1/exchange/NSF/messages/nsf-never-sent");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.problem().path("type").asText()).isEqualTo("https://jointcall.org/problems/message-unknown");
        PartnerClient.Answer someoneElses = setup.signedWithoutBody("GET", "DFG", "/api/v1/exchange/NSF/messages/" + early);
        assertThat(someoneElses.status()).as("DFG may not ask about NSF's message: " + someoneElses.body()).isEqualTo(403);
    }

    /** What the gateway says became of {@code agency}'s message {@code messageId}, its answer's signature verified. */
    private static JsonNode status(String agency, String messageId) {
        PartnerClient.Answer answer = setup.signedWithoutBody("GET", agency, "/api/v1/exchange/" + agency + "/messages/" + messageId);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        try {
            gatewaySignature(answer);
        } catch (Exception e) {
            throw new AssertionError("the status answer is not signed by the gateway: " + e, e);
        }
        return parse(answer.body());
    }

    /** The gateway's signature on {@code answer}, verified with its public key; fails if it does not verify. */
    private static Verdict gatewaySignature(PartnerClient.Answer answer) throws Exception {
        return SignatureProfile.receiptVerifier(setup.agencies.gatewayKeyRegistry(), new InMemoryNonceStore(Clock.systemUTC()),
                Clock.systemUTC()).verify(answer.asReceipt(), TestAgencies.GATEWAY_KEY_OWNER);
    }

    /** The messages about {@code reference} JST's inbox offers after {@code cursor}. */
    private static List<JsonNode> inbox(String cursor, String reference) {
        PartnerClient.Answer answer = setup.signedWithoutBody("GET", "JST", "/api/v1/exchange/JST/inbox?after=" + cursor);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        parse(answer.body()).path("messages").forEach(message -> {
            if (message.path("body").asText().contains(reference)) {
                messages.add(message);
            }
        });
        return messages;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static List<CanonicalMessage> notices(String agency, String reference) {
        return setup.accepted(agency, MessageKind.JOINT_OUTCOME_NOTICE, reference);
    }

    private static long undelivered(String reference) {
        try {
            return Long.parseLong(setup.database.column("SELECT count(*) FROM outbox_message o JOIN joint_proposal p USING (joint_id)"
                    + " WHERE p.joint_reference = '" + reference + "' AND o.state <> 'DELIVERED'").get(0));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The detail of the open alert of {@code kind} about {@code subject}, or "" if none is open. */
    private static String openAlert(String kind, String subject) {
        try {
            return String.join("", setup.database.column("SELECT detail FROM alert WHERE kind = '" + kind + "' AND subject = '"
                    + subject + "' AND resolved_at IS NULL"));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String jointId(String reference) throws SQLException {
        return setup.database.column("SELECT joint_id FROM joint_proposal WHERE joint_reference = '" + reference + "'").get(0);
    }

    private static String reference(String scenario) {
        return "QUAD-IT-" + scenario + "-" + System.nanoTime();
    }
}
