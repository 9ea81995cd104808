package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jointcall.gateway.it.JointCallGateway.AGENCIES;
import static org.jointcall.gateway.it.JointCallGateway.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.gateway.ledger.HeaderLines;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.keys.FileKeyRegistry;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.verify.InMemoryNonceStore;
import org.jointcall.signature.verify.SignatureRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console API over real HTTP against the running gateway, on proposals made by real signed partner
 * messages: calls overview counts, the matrix (rows, keyset pages, filters, sort), the proposal page
 * (timeline in and out with delivery attempts, payloads), the exchange log (filters, keyset pages,
 * CSV), dead letters (resend, resolve), annotations and reopening, and a live SSE event when a
 * partner's decline arrives.
 */
class ConsoleApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String CALL = "ASPIRE-2026-QUAD";
    private static final String PASSWORD = "tea-and-biscuits-42";

    @TempDir
    static Path root;
    private static JointCallGateway setup;
    private static ConsoleClient admin;
    private static ConsoleClient coordinator;
    private static String prefix;
    private static String rejected;
    /** The one proposal whose parts carry a title of their own, for the title search. */
    private static String titled;
    private static String titleWord;
    private static final List<String> REFERENCES = new ArrayList<>();

    @BeforeAll
    static void fiveProposalsOneRejectedByNsf() throws Exception {
        setup = JointCallGateway.start("console-api", root);
        admin = ConsoleClient.signIn(setup.gateway(), "admin", JointCallGateway.ADMIN_PASSWORD);
        admin.createUser("coord", PASSWORD, "coordinator");
        coordinator = ConsoleClient.signIn(setup.gateway(), "coord", PASSWORD);
        prefix = "CON-" + System.nanoTime() + "-";
        titleWord = "Kelpforest" + System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            String reference = prefix + i;
            REFERENCES.add(reference);
            String title = i == 4 ? "Carbon in " + titleWord + " sediments" : null;
            AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> {
                if (title != null) {
                    m.getProposalPart().setTitle(title);
                }
            }));
        }
        titled = REFERENCES.get(3);
        rejected = REFERENCES.get(1);
        setup.send("NSF", "decision", rejected, 3, m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED));
        await("five proposals, one rejected", PATIENCE, () -> count("SELECT count(*) FROM joint_proposal WHERE joint_reference LIKE '"
                + prefix + "%'") == 5 && count("SELECT count(*) FROM joint_proposal WHERE joint_status = 'REJECTED' AND joint_reference = '"
                + rejected + "'") == 1);
        await("the rejection delivered to every agency", PATIENCE, () -> count("SELECT count(*) FROM outbox_message o JOIN joint_proposal p"
                + " USING (joint_id) WHERE p.joint_reference = '" + rejected + "' AND o.kind = 'JOINT_OUTCOME_NOTICE'"
                + " AND o.state = 'DELIVERED'") == AGENCIES.size());
    }

    @AfterAll
    static void stop() {
        setup.close();
    }

    @Test
    void theCallsOverviewCountsProposalsByJointState() {
        JsonNode call = find(coordinator.getJson("/calls"), "callId", CALL);
        assertThat(call.path("agencies")).extracting(JsonNode::asText).containsExactly("DFG", "NSF", "NWO", "UKRI");
        long total = count("SELECT count(*) FROM joint_proposal WHERE call_id = '" + CALL + "'");
        assertThat(call.path("total").asLong()).isEqualTo(total).isGreaterThanOrEqualTo(5);
        assertThat(call.path("counts").path("REJECTED").asLong())
                .isEqualTo(count("SELECT count(*) FROM joint_proposal WHERE call_id = '" + CALL + "' AND joint_status = 'REJECTED'"));
        long sum = 0;
        for (JsonNode n : call.path("counts")) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(total);
    }

    @Test
    void theMatrixPagesThroughEveryProposalOnceInOrderWithEachAgencysTrack() {
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = coordinator.getJson(matrix("q=" + prefix + "&limit=2" + (next == null ? "" : "&after=" + next)));
            assertThat(page.path("total").asInt()).isEqualTo(5);
            assertThat(page.path("rows").size()).isLessThanOrEqualTo(2);
            page.path("rows").forEach(row -> seen.add(row.path("jointReference").asText()));
            assertThat(page.has("next")).as("the last page says next: null").isTrue();
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
            pages++;
        } while (next != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(REFERENCES);

        JsonNode descending = coordinator.getJson(matrix("q=" + prefix + "&sort=reference&dir=desc&limit=50"));
        assertThat(descending.path("rows")).extracting(row -> row.path("jointReference").asText())
                .containsExactlyElementsOf(reversed(REFERENCES));

        JsonNode row = descending.path("rows").get(0);
        assertThat(row.path("tracks").size()).isEqualTo(4);
        assertThat(row.path("tracks").path("NSF").path("state").asText()).isNotBlank().isNotEqualTo("EXPECTED");
        assertThat(row.path("tracks").path("NSF").path("localProposalId").asText()).isNotBlank();
        assertThat(row.path("title").asText()).isNotBlank();
        assertThat(row.path("decidedBy").isNull()).isTrue();
    }

    @Test
    void theMatrixFiltersByJointStateAndByAnAgencysTrackState() {
        JsonNode byJointState = coordinator.getJson(matrix("q=" + prefix + "&jointState=REJECTED"));
        assertThat(byJointState.path("rows")).singleElement().satisfies(row -> {
            assertThat(row.path("jointReference").asText()).isEqualTo(rejected);
            assertThat(row.path("decidedBy").asText()).isEqualTo("NSF");
            assertThat(row.path("tracks").path("NSF").path("state").asText()).isEqualTo("DECLINED");
        });
        JsonNode byTrack = coordinator.getJson(matrix("q=" + prefix + "&agency=NSF&trackState=DECLINED"));
        assertThat(byTrack.path("total").asInt()).isEqualTo(1);
        JsonNode bySort = coordinator.getJson(matrix("q=" + prefix + "&sort=state&limit=1"));
        assertThat(bySort.path("rows").get(0).path("jointState").asText()).as("PENDING sorts before REJECTED").isEqualTo("PENDING");
        HttpResponse<String> badCursor = coordinator.get(matrix("after=not-a-cursor!"));
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(coordinator.get("/calls/NO-SUCH-CALL/matrix").statusCode()).isEqualTo(404);
        assertThat(coordinator.get(matrix("limit=201")).statusCode()).isEqualTo(400);
        HttpResponse<String> notANumber = coordinator.get(matrix("limit=ten"));
        assertThat(notANumber.statusCode()).as("Jakarta REST alone would answer 404").isEqualTo(400);
        assertThat(Json.body(notANumber).path("detail").asText()).isEqualTo("limit 'ten' is not a whole number");
        // A value no row can have is refused by name, not answered with an empty page that looks like a result.
        Map<String, String> unknownValues = Map.of(matrix("jointState=NOPE"), "jointState 'NOPE' is not one of",
                matrix("trackState=nope"), "trackState 'nope' is not one of", "/exchange-log?status=NOPE", "status 'NOPE' is not one of",
                "/exchange-log?kind=NOPE", "kind 'NOPE' is not one of", "/alerts?open=maybe", "open 'maybe' is not true or false",
                "/discrepancies?open=yes", "open 'yes' is not true or false");
        unknownValues.forEach((path, detail) -> {
            HttpResponse<String> refused = coordinator.get(path);
            assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(400);
            assertThat(Json.body(refused).path("detail").asText()).as(path).startsWith(detail);
        });
        assertThat(coordinator.getJson(matrix("q=" + prefix + "&jointState=rejected")).path("total").asInt())
                .as("a state in lower case is still that state").isEqualTo(1);
    }

    @Test
    void anActionWithoutAJsonObjectForBodyIsA400ProblemWhicheverAction() {
        // The body is read before the path is looked at, so ids nobody has will do.
        String proposal = "/proposals/" + UUID.randomUUID();
        Map<String, String> actions = Map.of(proposal + "/annotations", "POST", proposal + "/tracks/NSF/deadline", "POST",
                proposal + "/research-security", "PUT", proposal + "/reopen", "POST", "/dead-letters/987654321/resolve", "POST",
                "/discrepancies/987654321/resolve", "POST", "/admin/users", "POST", "/admin/users/nobody", "PUT", "/session", "POST");
        actions.forEach((path, method) -> {
            for (String body : List.of("", "null", "[]", "42", "{\"comment\":")) {
                HttpResponse<String> refused = admin.send(method, path, Optional.of(body));
                assertThat(refused.statusCode()).as("%s %s with body '%s': %s", method, path, body, refused.body()).isEqualTo(400);
                assertThat(Json.body(refused).path("type").asText()).as("%s %s with '%s'", method, path, body)
                        .isEqualTo("https://jointcall.org/problems/request-invalid");
            }
        });
    }

    @Test
    void theSearchFindsProposalsByTitleSubstringAndMessagesByIdOrReferencePrefix() {
        // Any case, any part of the title; the reference's middle too.
        JsonNode byTitle = coordinator.getJson(matrix("q=" + titleWord.substring(2).toUpperCase(java.util.Locale.ROOT)));
        assertThat(byTitle.path("total").asInt()).isEqualTo(1);
        assertThat(byTitle.path("rows")).singleElement().satisfies(row -> {
            assertThat(row.path("jointReference").asText()).isEqualTo(titled);
            assertThat(row.path("title").asText()).contains(titleWord);
        });
        String middle = titled.substring(2).toLowerCase(java.util.Locale.ROOT);
        assertThat(coordinator.getJson(matrix("q=" + middle)).path("rows")).extracting(row -> row.path("jointReference").asText())
                .containsExactly(titled);
        assertThat(coordinator.getJson(matrix("q=" + titleWord + "-nowhere")).path("total").asInt()).isZero();

        // The exchange log's q is a message id (either direction) or the start of a reference, never a substring.
        JsonNode all = coordinator.getJson("/exchange-log?q=" + rejected + "&limit=500");
        for (String direction : List.of("IN", "OUT")) {
            JsonNode message = stream(all.path("rows")).filter(row -> row.path("direction").asText().equals(direction))
                    .findFirst().orElseThrow();
            JsonNode byId = coordinator.getJson("/exchange-log?q="
                    + URLEncoder.encode(message.path("messageId").asText(), StandardCharsets.UTF_8));
            assertThat(byId.path("rows")).extracting(row -> row.path("id").asText()).containsExactly(message.path("id").asText());
        }
        assertThat(coordinator.getJson("/exchange-log?q=" + rejected.substring(1)).path("rows")).isEmpty();
        List<String> newestFirst = column("SELECT id FROM (SELECT 'in-' || ledger_id AS id, received_at AS at, 'IN' AS direction"
                + " FROM exchange_ledger WHERE joint_reference = '" + rejected + "' UNION ALL SELECT 'out-' || o.outbox_id, o.created_at,"
                + " 'OUT' FROM outbox_message o JOIN joint_proposal p USING (joint_id) WHERE p.joint_reference = '" + rejected + "') m"
                + " ORDER BY at DESC, direction DESC, substring(id FROM '[0-9]+$')::bigint DESC");
        assertThat(all.path("rows")).extracting(row -> row.path("id").asText()).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void theProposalPageShowsTheOutcomeTracksAndEveryMessageInAndOutWithItsAttemptsAndPayloads() {
        JsonNode proposal = coordinator.getJson("/proposals/" + jointId(rejected));
        assertThat(proposal.path("jointState").asText()).isEqualTo("REJECTED");
        assertThat(proposal.path("decidedBy").asText()).isEqualTo("NSF");
        assertThat(proposal.path("reason").asText()).contains("NSF");
        assertThat(proposal.path("tracks")).hasSize(4);
        assertThat(proposal.path("ruleCheck").isArray()).isTrue();

        List<JsonNode> in = new ArrayList<>();
        List<JsonNode> out = new ArrayList<>();
        proposal.path("timeline").forEach(event -> (event.path("direction").asText().equals("IN") ? in : out).add(event));
        assertThat(in).hasSize(5).allSatisfy(event -> assertThat(event.path("signatureVerdict").asText()).isEqualTo("VERIFIED"));
        assertThat(in).extracting(event -> event.path("kind").asText()).containsOnly("PROPOSAL_PART", "FUNDING_DECISION");
        JsonNode notice = out.stream().filter(event -> event.path("kind").asText().equals("JOINT_OUTCOME_NOTICE")
                && event.path("agency").asText().equals("DFG")).findFirst().orElseThrow();
        assertThat(notice.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(notice.path("signatureVerdict").asText()).isEqualTo("VERIFIED");
        assertThat(notice.path("attempts")).isNotEmpty();
        assertThat(notice.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(202);

        JsonNode nsfPart = in.stream().filter(event -> event.path("agency").asText().equals("NSF")
                && event.path("kind").asText().equals("PROPOSAL_PART")).findFirst().orElseThrow();
        JsonNode inbound = coordinator.getJson("/messages/in/" + nsfPart.path("ledgerId").asLong());
        assertThat(inbound.path("native").path("mediaType").asText()).contains("json");
        assertThat(inbound.path("native").path("body").asText()).startsWith("{");
        assertThat(inbound.path("canonical").path("body").asText()).contains("<proposalPart>");
        assertThat(inbound.path("verdict").path("agency").asText()).isEqualToIgnoringCase("NSF");
        assertThat(inbound.path("state").asText()).as("how far the message got").isEqualTo("APPLIED");
        assertThat(inbound.path("detail").asText()).as("and what applying it did").startsWith("APPLIED to joint proposal");

        JsonNode outbound = coordinator.getJson("/messages/out/" + notice.path("outboxId").asLong());
        assertThat(outbound.path("canonical").path("body").asText()).contains("jointOutcomeNotice");
        assertThat(outbound.path("nativeAsSent").asBoolean()).as("a pushed message shows the request as sent").isTrue();
        assertThat(outbound.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(outbound.path("target").asText()).isEqualTo(setup.partners.partner("DFG").endpoint().toString());
        String signature = headerValue(outbound.path("headers"), "Signature");
        assertThat(setup.partners.partner("DFG").received()).filteredOn(request -> signature.equals(request.getHeader("Signature")))
                .singleElement().satisfies(request -> assertThat(request.getBodyAsString())
                        .isEqualTo(outbound.path("native").path("body").asText()));
        assertThat(outbound.path("receipt").path("status").asInt()).isEqualTo(202);
        assertThat(headerValue(outbound.path("receipt").path("headers"), "Signature")).as("DFG's signed receipt").isNotBlank();

        long outboxId = notice.path("outboxId").asLong();
        List<String> changed = column("UPDATE outbox_message SET canonical_xml = convert_to(replace(convert_from(canonical_xml, 'UTF8'), '"
                + rejected + "', '" + rejected + "-LATER'), 'UTF8') WHERE outbox_id = " + outboxId + " RETURNING outbox_id");
        assertThat(changed).as("the stored canonical form changed, as if the adapter wrote other bytes now").hasSize(1);
        JsonNode rewritten = coordinator.getJson("/messages/out/" + outboxId);
        assertThat(rewritten.path("native").path("body").asText()).contains(rejected + "-LATER");
        assertThat(rewritten.path("nativeAsSent").asBoolean()).as("its digest no longer matches the signed Content-Digest").isFalse();
        assertThat(coordinator.get("/messages/in/999999999").statusCode()).isEqualTo(404);
    }

    /** What an auditor hands on: one file per message that verifies with nothing but what is in it. */
    @Test
    void aMessagesEvidenceFileVerifiesWithTheKeysInItAndNothingElse() throws Exception {
        JsonNode proposal = coordinator.getJson("/proposals/" + jointId(rejected));
        JsonNode decline = null;
        JsonNode notice = null;
        for (JsonNode event : proposal.path("timeline")) {
            if (event.path("kind").asText().equals("FUNDING_DECISION") && event.path("agency").asText().equals("NSF")) {
                decline = event;
            } else if (event.path("kind").asText().equals("JOINT_OUTCOME_NOTICE") && event.path("agency").asText().equals("NWO")) {
                notice = event;
            }
        }

        HttpResponse<String> inbound = coordinator.get("/messages/in/" + decline.path("ledgerId").asLong() + "/evidence");
        assertThat(inbound.statusCode()).as(inbound.body()).isEqualTo(200);
        assertThat(inbound.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(disposition)
                .startsWith("attachment; filename=\"").endsWith(".evidence.json\""));
        JsonNode declined = Json.body(inbound);
        assertThat(declined.path("request").path("signedBy").asText()).isEqualTo("NSF");
        assertThat(declined.path("request").path("uri").asText()).isEqualTo(setup.gateway().uri("/api/v1/exchange/NSF/messages").toString());
        assertThat(declined.path("response").path("signedBy").asText()).isEqualTo("gateway");
        assertThat(declined.path("missingKeys")).isEmpty();
        RequestMessage declineRequest = Evidence.request(declined);
        assertThat(new String(declineRequest.body(), StandardCharsets.UTF_8)).as("NSF's own format").contains("\"decline\"");
        Evidence.verify(declined, declineRequest);
        RequestMessage forged = declineRequest.withBody(new String(declineRequest.body(), StandardCharsets.UTF_8)
                .replace("\"decline\"", "\"accept\"").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Evidence.verify(declined, forged)).as("the decline cannot be passed off as an approval")
                .isInstanceOf(SignatureRejectedException.class);

        JsonNode pushed = coordinator.getJson("/messages/out/" + notice.path("outboxId").asLong() + "/evidence");
        assertThat(pushed.path("request").path("signedBy").asText()).isEqualTo("gateway");
        assertThat(pushed.path("request").path("uri").asText()).isEqualTo(setup.partners.partner("NWO").endpoint().toString());
        assertThat(pushed.path("request").has("bodyNote")).as("the body written now is the one sent").isFalse();
        assertThat(pushed.path("response").path("signedBy").asText()).isEqualTo("NWO");
        assertThat(pushed.path("response").path("status").asInt()).isEqualTo(202);
        RequestMessage noticeRequest = Evidence.request(pushed);
        assertThat(setup.partners.partner("NWO").received()).as("what NWO received under that signature")
                .filteredOn(request -> request.getHeader("Signature").equals(noticeRequest.fields().values("Signature").get(0)))
                .singleElement().satisfies(request -> assertThat(request.getBody()).isEqualTo(noticeRequest.body()));
        Evidence.verify(pushed, noticeRequest);

        assertThat(coordinator.get("/messages/out/999999999/evidence").statusCode()).isEqualTo(404);
    }

    /** Checking an evidence file as someone without the gateway would: its own keys, at the time it was signed. */
    private static final class Evidence {

        static RequestMessage request(JsonNode evidence) {
            JsonNode request = evidence.path("request");
            return RequestMessage.of(request.path("method").asText(), URI.create(request.path("uri").asText()),
                    HeaderLines.fromJson(request.path("headers").toString()), Base64.getDecoder().decode(request.path("body").asText()));
        }

        /** Verifies {@code request} and the file's response to it; throws if either does not verify. */
        static void verify(JsonNode evidence, RequestMessage request) throws SignatureRejectedException {
            KeyRegistry keys = KeyRegistry.of(FileKeyRegistry.readKeyFile("signer", "evidence.jwks",
                    evidence.path("keys").toString().getBytes(StandardCharsets.UTF_8), "the evidence file"));
            JsonNode verdict = evidence.path("request").path("verdict").isObject() ? evidence.path("request").path("verdict")
                    : evidence.path("response").path("verdict");
            Clock signedAt = Clock.fixed(Instant.parse(verdict.path("created").asText()).plusSeconds(1), ZoneOffset.UTC);
            SignatureProfile.requestVerifier(keys, new InMemoryNonceStore(signedAt), signedAt).verify(request, "signer");
            JsonNode response = evidence.path("response");
            SignatureProfile.receiptVerifier(keys, new InMemoryNonceStore(signedAt), signedAt).verify(ResponseMessage.of(
                    response.path("status").asInt(), HeaderLines.fromJson(response.path("headers").toString()),
                    Base64.getDecoder().decode(response.path("body").asText())).answering(request), "signer");
        }
    }

    @Test
    void theExchangeLogFiltersPagesNewestFirstAndExportsTheSameRowsAsCsv() throws Exception {
        String filter = "q=" + prefix + "&agency=NSF&direction=IN";
        List<String> ids = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = coordinator.getJson("/exchange-log?" + filter + "&limit=2" + (next == null ? "" : "&after=" + next));
            for (JsonNode row : page.path("rows")) {
                assertThat(row.path("agency").asText()).isEqualTo("NSF");
                assertThat(row.path("direction").asText()).isEqualTo("IN");
                assertThat(row.path("jointReference").asText()).startsWith(prefix);
                ids.add(row.path("id").asText());
                times.add(row.path("at").asText());
            }
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (next != null && ids.size() < 100);
        assertThat(ids).hasSize(6).doesNotHaveDuplicates();
        assertThat(times).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(b).compareTo(java.time.OffsetDateTime.parse(a)));

        JsonNode both = coordinator.getJson("/exchange-log?q=" + rejected + "&limit=500");
        Set<String> directions = new HashSet<>();
        both.path("rows").forEach(row -> directions.add(row.path("direction").asText()));
        assertThat(directions).containsExactlyInAnyOrder("IN", "OUT");
        assertThat(coordinator.getJson("/exchange-log?q=" + rejected + "&direction=OUT&status=DELIVERED&limit=500").path("rows"))
                .allSatisfy(row -> assertThat(row.path("status").asText()).isEqualTo("DELIVERED"));
        assertThat(coordinator.getJson("/exchange-log?q=" + prefix + "&to=2000-01-01").path("rows")).isEmpty();
        assertThat(coordinator.get("/exchange-log?from=yesterday").statusCode()).isEqualTo(400);

        HttpResponse<String> csv = coordinator.get("/exchange-log.csv?" + filter);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains("exchange-log.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,direction,agency,kind,messageId,jointReference,jointId,status,signatureVerdict");
        List<String> csvIds = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            csvIds.add(lines[i].substring(0, lines[i].indexOf(',')));
        }
        assertThat(csvIds).containsExactlyElementsOf(ids);
    }

    @Test
    void aDeadLetterIsResentOrResolvedWithACommentAndBothAreAudited() throws Exception {
        String reference = "CONDEAD-" + System.nanoTime();
        setup.partners.partner("NWO").failWith(400);
        try {
            AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
            await("NWO's records dead", PATIENCE, () -> count("SELECT count(*) FROM outbox_message o JOIN joint_proposal p USING (joint_id)"
                    + " WHERE p.joint_reference = '" + reference + "' AND o.recipient = 'NWO' AND o.state = 'DEAD'") >= 2);
        } finally {
            setup.partners.partner("NWO").recover();
        }
        List<JsonNode> dead = new ArrayList<>();
        coordinator.getJson("/dead-letters").forEach(letter -> {
            if (letter.path("jointReference").asText().equals(reference)) {
                dead.add(letter);
            }
        });
        assertThat(dead).hasSizeGreaterThanOrEqualTo(2).allSatisfy(letter -> {
            assertThat(letter.path("recipient").asText()).isEqualTo("NWO");
            assertThat(letter.path("lastError").asText()).isNotBlank();
            assertThat(letter.path("resolved").asBoolean()).isFalse();
        });
        long resent = dead.get(0).path("outboxId").asLong();
        long resolved = dead.get(1).path("outboxId").asLong();
        JsonNode refused = coordinator.getJson("/messages/out/" + resolved);
        assertThat(refused.path("nativeAsSent").asBoolean()).as("a dead letter shows the bytes NWO refused").isTrue();
        assertThat(refused.path("receipt").path("status").asInt()).isEqualTo(400);
        assertThat(setup.partners.partner("NWO").received()).extracting(request -> request.getBodyAsString())
                .contains(refused.path("native").path("body").asText());

        assertThat(coordinator.post("/dead-letters/" + resent + "/resend", "").statusCode()).isEqualTo(202);
        await("the resent letter delivered", PATIENCE, () -> count("SELECT count(*) FROM outbox_message WHERE outbox_id = " + resent
                + " AND state = 'DELIVERED'") == 1);
        assertThat(coordinator.post("/dead-letters/" + resent + "/resend", "").statusCode()).as("no longer dead").isEqualTo(409);

        assertThat(coordinator.post("/dead-letters/" + resolved + "/resolve", "{\"comment\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(coordinator.post("/dead-letters/" + resolved + "/resolve", "{\"comment\":\"NWO entered it by hand\"}").statusCode())
                .isEqualTo(200);
        JsonNode letter = find(coordinator.getJson("/dead-letters"), "outboxId", Long.toString(resolved));
        assertThat(letter.path("resolved").asBoolean()).isTrue();
        assertThat(letter.path("resolution").path("by").asText()).isEqualTo("coord");
        assertThat(letter.path("resolution").path("comment").asText()).isEqualTo("NWO entered it by hand");

        JsonNode audit = admin.getJson("/audit?limit=50");
        List<String> actions = new ArrayList<>();
        audit.path("rows").forEach(row -> actions.add(row.path("actor").asText() + " " + row.path("action").asText() + " "
                + row.path("subject").asText()));
        assertThat(actions).contains("coord RESEND outbox " + resent, "coord RESOLVE_DEAD_LETTER outbox " + resolved);
    }

    @Test
    void aCoordinatorExtendsOneAgencysDecisionDeadline() throws Exception {
        String reference = proposal("CONEXTEND-");
        String path = "/proposals/" + jointId(reference);
        JsonNode nsf = track(coordinator.getJson(path), "NSF");
        assertThat(nsf.path("deadlineExtended").asBoolean()).isFalse();
        OffsetDateTime callDeadline = OffsetDateTime.parse(nsf.path("decisionDeadline").asText());
        OffsetDateTime later = callDeadline.plusDays(30).withOffsetSameInstant(ZoneOffset.ofHours(9));

        HttpResponse<String> extended = coordinator.post(path + "/tracks/NSF/deadline",
                "{\"deadline\":\"" + later + "\",\"comment\":\"NSF panel postponed\"}");

        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(Json.body(extended).path("before").asText())).isAtSameInstantAs(callDeadline);
        JsonNode proposal = coordinator.getJson(path);
        assertThat(OffsetDateTime.parse(track(proposal, "NSF").path("decisionDeadline").asText())).isAtSameInstantAs(later);
        assertThat(track(proposal, "NSF").path("deadlineExtended").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(track(proposal, "DFG").path("decisionDeadline").asText())).as("one agency only")
                .isAtSameInstantAs(callDeadline);
        assertThat(proposal.path("audit")).anySatisfy(line -> {
            assertThat(line.path("action").asText()).isEqualTo("DECISION_DEADLINE_EXTENDED");
            assertThat(line.path("detail").asText()).contains("NSF panel postponed");
        });
        assertThat(column("SELECT actor || ' ' || action || ' ' || subject FROM console_audit WHERE action = 'EXTEND_DEADLINE'"))
                .contains("coord EXTEND_DEADLINE proposal " + jointId(reference) + " track NSF");

        String sooner = "{\"deadline\":\"" + later.minusDays(1) + "\",\"comment\":\"shorter\"}";
        assertThat(coordinator.post(path + "/tracks/NSF/deadline", sooner).statusCode()).as("an extension only lengthens").isEqualTo(400);
        assertThat(coordinator.post(path + "/tracks/NRF/deadline", sooner).statusCode()).as("no NRF track").isEqualTo(404);
        assertThat(coordinator.post(path + "/tracks/nsf!/deadline", sooner).statusCode()).as("no agency code").isEqualTo(400);
        assertThat(coordinator.post(path + "/tracks/NSF/deadline", "{\"deadline\":\"next spring\",\"comment\":\"x\"}")
                .statusCode()).isEqualTo(400);
        assertThat(coordinator.post(path + "/tracks/NSF/deadline", "{\"deadline\":\"" + later.plusDays(1) + "\"}").statusCode())
                .as("why is required").isEqualTo(400);

        setup.send("DFG", "decision", reference, 3, m -> m.getFundingDecision().setOutcome(FundingOutcome.APPROVED));
        await("DFG approved", PATIENCE, () -> count("SELECT count(*) FROM agency_track t JOIN joint_proposal p USING (joint_id)"
                + " WHERE p.joint_reference = '" + reference + "' AND t.agency = 'DFG' AND t.state = 'APPROVED'") == 1);
        HttpResponse<String> decided = coordinator.post(path + "/tracks/DFG/deadline",
                "{\"deadline\":\"" + later + "\",\"comment\":\"too late\"}");
        assertThat(decided.statusCode()).as("a decided track has no deadline: " + decided.body()).isEqualTo(409);
    }

    @Test
    void aCoordinatorRecordsTheResearchSecurityStepAndNoAgencyIsTold() throws Exception {
        String reference = proposal("CONSECURITY-");
        String path = "/proposals/" + jointId(reference);
        String before = coordinator.getJson(path).path("researchSecurity").asText();
        long sent = count("SELECT count(*) FROM outbox_message o JOIN joint_proposal p USING (joint_id) WHERE p.joint_reference = '"
                + reference + "'");

        HttpResponse<String> recorded = coordinator.put(path + "/research-security",
                "{\"status\":\"MITIGATION_REQUIRED\",\"comment\":\"subcontractor risk agreed with the applicants\"}");

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(Json.body(recorded).path("before").asText()).isEqualTo(before);
        JsonNode proposal = coordinator.getJson(path);
        assertThat(proposal.path("researchSecurity").asText()).isEqualTo("MITIGATION_REQUIRED");
        assertThat(proposal.path("audit")).anySatisfy(line -> {
            assertThat(line.path("action").asText()).isEqualTo("RESEARCH_SECURITY_UPDATED");
            assertThat(line.path("detail").asText()).isEqualTo(before + " → MITIGATION_REQUIRED: subcontractor risk agreed with the applicants");
        });
        assertThat(column("SELECT actor || ' ' || action || ' ' || subject FROM console_audit WHERE action = 'RECORD_RESEARCH_SECURITY'"))
                .contains("coord RECORD_RESEARCH_SECURITY proposal " + jointId(reference));
        assertThat(count("SELECT count(*) FROM outbox_message o JOIN joint_proposal p USING (joint_id) WHERE p.joint_reference = '"
                + reference + "'")).as("JST's own record: nothing sent").isEqualTo(sent);

        assertThat(coordinator.put(path + "/research-security", "{\"status\":\"SAFE\",\"comment\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(coordinator.put(path + "/research-security", "{\"status\":\"CLEARED\"}").statusCode()).as("why is required")
                .isEqualTo(400);
        assertThat(coordinator.put("/proposals/00000000-0000-0000-0000-000000000000/research-security",
                "{\"status\":\"CLEARED\",\"comment\":\"x\"}").statusCode()).isEqualTo(404);
    }

    private static JsonNode track(JsonNode proposal, String agency) {
        for (JsonNode track : proposal.path("tracks")) {
            if (track.path("agency").asText().equals(agency)) {
                return track;
            }
        }
        throw new AssertionError("no " + agency + " track in " + proposal.path("tracks"));
    }

    @Test
    void coordinatorsAnnotateAndAnAdministratorReopensARejection() throws Exception {
        String reference = proposal("CONREOPEN-");
        setup.send("UKRI", "decision", reference, 3, m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED));
        await("rejected by UKRI", PATIENCE, () -> count("SELECT count(*) FROM joint_proposal WHERE joint_status = 'REJECTED'"
                + " AND joint_reference = '" + reference + "'") == 1);
        String path = "/proposals/" + jointId(reference);

        assertThat(coordinator.post(path + "/annotations", "{\"text\":\"UKRI appeal expected\"}").statusCode()).isEqualTo(201);
        assertThat(coordinator.getJson(path).path("annotations")).anySatisfy(note -> {
            assertThat(note.path("author").asText()).isEqualTo("coord");
            assertThat(note.path("text").asText()).isEqualTo("UKRI appeal expected");
        });

        HttpResponse<String> reopened = admin.post(path + "/reopen", "{\"comment\":\"appeal upheld\"}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(Json.body(reopened).path("jointState").asText()).isEqualTo("PENDING");
        JsonNode proposal = coordinator.getJson(path);
        assertThat(proposal.path("jointState").asText()).isEqualTo("PENDING");
        assertThat(proposal.path("audit")).anySatisfy(line -> assertThat(line.path("action").asText()).isEqualTo("REOPENED"));
        assertThat(admin.post(path + "/reopen", "{\"comment\":\"again\"}").statusCode()).as("only a rejection is reopened").isEqualTo(409);
        await("every agency told the outcome is PENDING again", PATIENCE, () -> count("SELECT count(*) FROM outbox_message o"
                + " JOIN joint_proposal p USING (joint_id) WHERE p.joint_reference = '" + reference + "'"
                + " AND o.kind = 'JOINT_OUTCOME_NOTICE' AND o.state = 'DELIVERED'") == 2L * AGENCIES.size());
    }

    @Test
    void aPartnersDeclineReachesAnOpenEventStreamAsAProposalEvent() throws Exception {
        String reference = proposal("CONLIVE-");
        HttpResponse<InputStream> stream = coordinator.stream("/events");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<String> rejection = CompletableFuture.supplyAsync(() -> {
                try {
                    String event = null;
                    for (String line = events.readLine(); line != null; line = events.readLine()) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6).trim();
                        } else if (line.startsWith("data:") && "proposal".equals(event) && line.contains(reference)
                                && line.contains("REJECTED")) {
                            return line.substring(5).trim();
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            setup.send("DFG", "decision", reference, 3, m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED));
            JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rejection.get(60, TimeUnit.SECONDS));
            assertThat(event.path("callId").asText()).isEqualTo(CALL);
            assertThat(event.path("jointId").asText()).isEqualTo(jointId(reference));
            assertThat(event.path("decidedBy").asText()).isEqualTo("DFG");
            assertThat(event.path("tracks").path("DFG").path("state").asText()).isEqualTo("DECLINED");
        }
    }

    @Test
    void signingOutEndsTheEventStreamsOpenedInTheSession() throws Exception {
        ConsoleClient leaving = ConsoleClient.signIn(setup.gateway(), "coord", PASSWORD);
        CompletableFuture<Void> ended = leaving.eventsUntilClosed();

        assertThat(leaving.delete("/session").statusCode()).isEqualTo(204);

        ended.get(10, TimeUnit.SECONDS);
        assertThat(leaving.stream("/events").statusCode()).as("and no new one opens").isEqualTo(401);
        HttpResponse<InputStream> other = coordinator.stream("/events");
        other.body().close();
        assertThat(other.statusCode()).as("another session's stream still opens").isEqualTo(200);
    }

    @Test
    void anExpiredSessionsEventStreamIsClosedAtTheNextCheck() throws Exception {
        admin.createUser("expiring", PASSWORD, "auditor");
        ConsoleClient expiring = ConsoleClient.signIn(setup.gateway(), "expiring", PASSWORD);
        CompletableFuture<Void> ended = expiring.eventsUntilClosed();

        // Idle for two hours, as far as the gateway can tell; nothing is deleted, so nothing is notified.
        assertThat(column("UPDATE console_session SET last_seen_at = now() - interval '2 hours'"
                + " WHERE username = 'expiring' RETURNING username")).hasSize(1);

        ended.get(25, TimeUnit.SECONDS);
        assertThat(expiring.get("/calls").statusCode()).isEqualTo(401);
    }

    /** A new proposal of all four agencies whose reference starts with {@code start}; returns its reference. */
    private static String proposal(String start) {
        String reference = start + System.nanoTime();
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        await(reference + " stored", PATIENCE, () -> count("SELECT count(*) FROM agency_track t JOIN joint_proposal p USING (joint_id)"
                + " WHERE p.joint_reference = '" + reference + "' AND t.state <> 'EXPECTED'") == AGENCIES.size());
        return reference;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String matrix(String query) {
        return "/calls/" + CALL + "/matrix?" + query.replace(prefix, URLEncoder.encode(prefix, StandardCharsets.UTF_8));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static JsonNode find(JsonNode array, String member, String value) {
        for (JsonNode element : array) {
            if (element.path(member).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + member + " = " + value + " in " + array);
    }

    private static String jointId(String reference) {
        return column("SELECT joint_id FROM joint_proposal WHERE joint_reference = '" + reference + "'").get(0);
    }

    private static long count(String sql) {
        return Long.parseLong(column(sql).get(0));
    }

    private static List<String> column(String sql) {
        try {
            return setup.database.column(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first value of {@code name} among header lines stored as [name, value] pairs. */
    private static String headerValue(JsonNode lines, String name) {
        for (JsonNode line : lines) {
            if (line.path(0).asText().equalsIgnoreCase(name)) {
                return line.path(1).asText();
            }
        }
        throw new AssertionError("no " + name + " among " + lines);
    }
}
