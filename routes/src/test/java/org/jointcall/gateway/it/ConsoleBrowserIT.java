package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.it.JointCallGateway.AGENCIES;
import static org.jointcall.gateway.it.JointCallGateway.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jointcall.contracts.v1.FundingOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The coordinator console in a real headless Chromium against the running gateway, with the four partner
 * agencies sending real signed messages: logging in, a proposal turning REJECTED live while its call's matrix
 * is open, its timeline, resending a dead letter, Japanese, and the CSV export. Every test leaves a screenshot
 * in {@code target/screenshots/<test>.png}.
 */
class ConsoleBrowserIT {

    private static final String CALL = "ASPIRE-2026-QUAD";
    private static final String ADMIN = "admin";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path root;
    private static JointCallGateway setup;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void gatewayPartnersAndBrowser() {
        // Reconciliation is not under test here: its first run would ask the simulators about every test proposal.
        setup = JointCallGateway.start("console-browser", root, Map.of("gateway.reconciliation.initial-delay", "3600000"));
        browser = ConsoleBrowser.open(root.resolve("browser"));
    }

    @AfterEach
    void keepScreenshotAndConsole(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
        browser.consoleMessages().forEach(message -> System.out.println("browser console: " + message));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (setup != null) {
            setup.close();
        }
    }

    @Test
    void loggingInAfterAWrongPasswordOpensTheCallsOverview() {
        browser.driver.manage().deleteAllCookies();
        browser.get(setup.gateway(), "/console/index.html#/calls");
        browser.await("sent to the login page", d -> d.getCurrentUrl().contains("/console/login.html"));

        submitLogin(ADMIN, "not-the-password");
        assertThat(browser.visible("#login-error").getText()).contains("wrong");
        assertThat(browser.driver.getCurrentUrl()).contains("/console/login.html");

        submitLogin(ADMIN, JointCallGateway.ADMIN_PASSWORD);
        WebElement call = browser.visible("#calls-table tr[data-call-id='" + CALL + "']");
        assertThat(call.getText()).contains(CALL, "NSF", "UKRI", "DFG", "NWO");
        assertThat(browser.driver.findElement(By.id("current-user")).getText()).contains(ADMIN);
    }

    @Test
    void aProposalTurnsRejectedInTheOpenMatrixWhenAPartnersDeclineArrives() {
        String reference = reference("LIVE");
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        await("the proposal with four tracks", PATIENCE, () -> tracks(reference) == 4);

        openMatrixOf(reference);
        assertThat(browser.visible("#matrix-summary").getText()).as("one proposal, in the singular").startsWith("1 proposal ·");
        WebElement joint = jointStateCell(reference);
        assertThat(joint.getAttribute("data-state")).isEqualTo("PENDING");
        browser.script("window.openedBeforeTheDecline = true;");
        browser.visible("#live-status[data-live='open']");
        String updatedBefore = updatedOf(reference);

        setup.send("UKRI", "decision", reference, 5, m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED));

        browser.await("the joint state cell turned REJECTED without reload",
                d -> "REJECTED".equals(jointStateCell(reference).getAttribute("data-state")));
        assertThat(browser.script("return window.openedBeforeTheDecline === true;")).as("same page, not reloaded").isEqualTo(true);
        browser.await("the row's Updated time follows the change", d -> !updatedBefore.equals(updatedOf(reference)));
        WebElement row = row(reference);
        assertThat(jointStateCell(reference).getText()).contains("Rejected");
        assertThat(row.findElement(By.cssSelector("td[data-agency='UKRI']")).getAttribute("data-state")).isEqualTo("DECLINED");
        assertThat(row.findElement(By.cssSelector("td[data-column='decidedBy']")).getText()).isEqualTo("UKRI");
        assertThat(browser.driver.findElement(By.id("announcer")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.unlabelledControlsAndHeaders()).as("controls without label, headers without scope").isEmpty();
    }

    @Test
    void theProposalPageShowsEveryMessageInAndOutWithSignaturesAndPayloads() {
        String reference = reference("TIMELINE");
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        setup.send("DFG", "decision", reference, 5, m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED));
        await("every agency told of the rejection", PATIENCE, () -> setup.outboxCount(reference, "o.kind = 'JOINT_OUTCOME_NOTICE' AND o.state = 'DELIVERED'") == 4);

        openMatrixOf(reference);
        row(reference).findElement(By.cssSelector("a.proposal-link")).click();
        browser.visible("#timeline");

        assertThat(browser.driver.findElement(By.id("joint-state")).getAttribute("data-state")).isEqualTo("REJECTED");
        assertThat(browser.driver.findElement(By.id("decided-by")).getText()).isEqualTo("DFG");
        for (String agency : AGENCIES) {
            WebElement part = timelineRow("IN", agency, "PROPOSAL_PART");
            assertThat(part.findElement(By.cssSelector("td[data-column='signature'] .badge")).getAttribute("data-state")).isEqualTo("VERIFIED");
            assertThat(timelineRow("OUT", agency, "JOINT_OUTCOME_NOTICE").getAttribute("data-status")).isEqualTo("DELIVERED");
        }
        WebElement decline = timelineRow("IN", "DFG", "FUNDING_DECISION");
        decline.findElement(By.cssSelector("button.show-payloads")).click();
        String nativePayload = browser.visible("#payload-native pre").getText();
        String canonical = browser.visible("#payload-canonical pre").getText();
        assertThat(nativePayload).contains(reference);
        assertThat(canonical).contains(reference).contains("<");
        assertThat(nativePayload).isNotEqualTo(canonical);
        assertThat(browser.driver.findElements(By.cssSelector("#payload-headers dt")))
                .extracting(name -> name.getAttribute("textContent").toLowerCase(Locale.ROOT))
                .as("header lines listed by name").contains("content-type", "content-digest", "signature-input", "signature");
        WebElement evidence = browser.visible("#payload-evidence");
        assertThat(evidence.getAttribute("href")).matches(".*/api/v1/console/messages/in/\\d+/evidence");
        assertThat(evidence.getAttribute("download")).as("offered as a file").isNotNull();
        assertThat(browser.script("return fetch(arguments[0]).then(r => r.json().then(e => r.status + ' ' + e.request.signedBy))",
                evidence.getAttribute("href"))).as("the signed-in session downloads it").isEqualTo("200 DFG");

        timelineRow("OUT", "DFG", "JOINT_OUTCOME_NOTICE").findElement(By.cssSelector("button.show-payloads")).click();
        assertThat(browser.visible("#payload-target").getText()).contains(setup.partners.partner("DFG").endpoint().toString());
        assertThat(browser.visible("#payload-native pre").getText()).contains(reference);
        assertThat(browser.driver.findElements(By.id("payload-not-sent"))).as("a pushed message shows what was sent").isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#payload-receipt dt")))
                .extracting(name -> name.getAttribute("textContent").toLowerCase(Locale.ROOT)).as("DFG's signed receipt").contains("signature");

        browser.visible("#reopen-form-field").sendKeys("DFG asks to look again");
        browser.driver.findElement(By.id("reopen-form-submit")).click();
        browser.visible("#reopen-form-confirm-no");
        assertThat(browser.script("return document.activeElement.id")).as("the safe answer has focus").isEqualTo("reopen-form-confirm-no");
        assertThat(browser.driver.findElement(By.id("reopen-form-confirm")).getText()).contains(reference, "every agency");
        browser.driver.findElement(By.id("reopen-form-confirm-no")).click();
        assertThat(browser.all("#reopen-form-confirm")).as("cancelled").isEmpty();
        assertThat(setup.column("SELECT count(*) FROM console_audit WHERE action = 'REOPEN' AND subject LIKE '%" + jointIdOf(reference) + "'"))
                .as("nothing reopened after Cancel").containsExactly("0");

        browser.driver.findElement(By.id("reopen-form-submit")).click();
        browser.visible("#reopen-form-confirm-yes").click();
        browser.await("the proposal reopened after Confirm", d -> !"REJECTED".equals(d.findElement(By.id("joint-state")).getAttribute("data-state")));
    }

    @Test
    void aCoordinatorExtendsOneAgencysDecisionDeadlineOnTheProposalPage() {
        String reference = reference("DEADLINE");
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        openMatrixOf(reference);
        row(reference).findElement(By.cssSelector("a.proposal-link")).click();
        String nsf = "#tracks-table tr[data-agency='NSF'] td[data-column='deadline']";
        assertThat(browser.visible(nsf).getAttribute("data-extended")).isEqualTo("false");

        new Select(browser.visible("#deadline-form-agency")).selectByValue("NSF");
        browser.script("arguments[0].value = '2099-12-24T10:00'", browser.driver.findElement(By.id("deadline-form-deadline")));
        browser.driver.findElement(By.id("deadline-form-comment")).sendKeys("NSF panel postponed");
        browser.driver.findElement(By.id("deadline-form-submit")).click();

        browser.await("NSF's deadline shown as extended", d -> "true".equals(d.findElement(By.cssSelector(nsf)).getAttribute("data-extended")));
        assertThat(browser.driver.findElement(By.cssSelector(nsf)).getText()).contains("(extended)");
        assertThat(browser.driver.findElement(By.cssSelector("#tracks-table tr[data-agency='DFG'] td[data-column='deadline']"))
                .getAttribute("data-extended")).isEqualTo("false");
        Object local = browser.script("return new Date('2099-12-24T10:00').toISOString()");
        assertThat(setup.column("SELECT to_char(t.extended_decision_deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
                + " FROM agency_track t JOIN joint_proposal p USING (joint_id) WHERE p.joint_reference = '" + reference + "' AND t.agency = 'NSF'"))
                .as("the browser's local time, stored as its instant").containsExactly(String.valueOf(local));
    }

    @Test
    void aCoordinatorRecordsTheResearchSecurityStepOnTheProposalPage() {
        String reference = reference("SECURITY");
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        openMatrixOf(reference);
        row(reference).findElement(By.cssSelector("a.proposal-link")).click();
        String before = browser.visible("#research-security-state").getAttribute("data-state");
        assertThat(new Select(browser.visible("#security-form-status")).getFirstSelectedOption().getAttribute("value"))
                .as("the form starts at the status recorded").isEqualTo(before);

        new Select(browser.driver.findElement(By.id("security-form-status"))).selectByValue("CLEARED");
        browser.driver.findElement(By.id("security-form-comment")).sendKeys("no foreign subcontractor");
        browser.driver.findElement(By.id("security-form-submit")).click();

        browser.await("the outcome shows the status recorded",
                d -> "CLEARED".equals(d.findElement(By.id("research-security-state")).getAttribute("data-state")));
        assertThat(setup.column("SELECT research_security FROM joint_proposal WHERE joint_reference = '" + reference + "'"))
                .containsExactly("CLEARED");
    }

    @Test
    void theCallsOverviewCountsANewProposalWithoutReload() {
        open("#/calls");
        String total = "#calls-table tr[data-call-id='" + CALL + "'] td[data-count='total']";
        long before = Long.parseLong(browser.visible(total).getAttribute("data-value"));
        browser.visible("#live-status[data-live='open']");
        browser.script("window.openedBeforeTheProposal = true;");

        String reference = reference("OVERVIEW");
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));

        browser.await("the call's total counts the new proposal", d -> Long.parseLong(d.findElement(By.cssSelector(total)).getAttribute("data-value")) > before);
        assertThat(browser.script("return window.openedBeforeTheProposal === true;")).as("same page, not reloaded").isEqualTo(true);
    }

    @Test
    void filtersAndSortOrderSurviveALanguageSwitchAndAReload() {
        String reference = reference("KEEP");
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        await("the proposal with four tracks", PATIENCE, () -> tracks(reference) == 4);
        try {
            open("#/exchange");
            new Select(browser.visible("#log-agency")).selectByValue("NWO");
            browser.driver.findElement(By.id("log-q")).sendKeys(reference);
            browser.driver.findElement(By.id("log-apply")).click();
            browser.await("the filters in the address", d -> hash().contains("agency=NWO") && hash().contains("q=" + reference));

            new Select(browser.driver.findElement(By.id("language"))).selectByValue("ja");
            browser.await("the exchange log in Japanese", d -> d.findElement(By.cssSelector("#exchange-log caption")).getText().contains("送受信"));
            browser.await("still only NWO's messages about the proposal", d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("#exchange-log tbody tr[data-id]"));
                return !rows.isEmpty() && rows.stream().allMatch(r -> "NWO".equals(r.getAttribute("data-agency")));
            });
            assertThat(new Select(browser.driver.findElement(By.id("log-agency"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("NWO");
            assertThat(browser.driver.findElement(By.id("log-q")).getAttribute("value")).isEqualTo(reference);

            openMatrixOf(reference);
            browser.visible("#matrix button[data-sort='state']").click();
            browser.await("sorted by joint state, in the address", d -> "ascending".equals(ariaSortOf("state")) && hash().contains("sort=state"));
            browser.driver.navigate().refresh();
            browser.visible("#matrix tr[data-joint-reference='" + reference + "']");
            assertThat(ariaSortOf("state")).as("the order kept after a reload").isEqualTo("ascending");
            assertThat(browser.driver.findElement(By.id("filter-q")).getAttribute("value")).as("and the search").isEqualTo(reference);
        } finally {
            browser.script("localStorage.removeItem('jointcall.console.language');");
        }
    }

    @Test
    void aDeadLetterResentFromTheConsoleIsDelivered() {
        String reference = reference("DEAD");
        setup.partners.partner("NWO").failWith(400);
        try {
            AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
            await("NWO's records dead after the last attempt", PATIENCE, () -> setup.outboxCount(reference, "o.recipient = 'NWO' AND o.state = 'DEAD'") > 0);
        } finally {
            setup.partners.partner("NWO").recover();
        }
        String dead = setup.column("SELECT o.outbox_id FROM outbox_message o JOIN joint_proposal p USING (joint_id) WHERE o.recipient = 'NWO'"
                + " AND o.state = 'DEAD' AND p.joint_reference = '" + reference + "' ORDER BY o.outbox_id LIMIT 1").get(0);

        open("#/dead-letters");
        WebElement row = browser.visible("#dead-letter-table tr[data-outbox-id='" + dead + "']");
        assertThat(row.getAttribute("data-state")).isEqualTo("DEAD");
        assertThat(row.getText()).contains("NWO", reference);
        browser.driver.findElement(By.id("resend-" + dead)).click();
        browser.visible("#confirm-resend-" + dead + "-no").click();
        assertThat(browser.visible("#resend-" + dead).isEnabled()).as("Cancel resends nothing").isTrue();
        assertThat(setup.column("SELECT state FROM outbox_message WHERE outbox_id = " + dead)).containsExactly("DEAD");
        browser.driver.findElement(By.id("resend-" + dead)).click();
        browser.visible("#confirm-resend-" + dead + "-yes").click();
        browser.await("the row marked as resent", d -> "RESENT".equals(d.findElement(
                By.cssSelector("#dead-letter-table tr[data-outbox-id='" + dead + "']")).getAttribute("data-state")));

        await("the resent message delivered", PATIENCE, () -> setup.column("SELECT state FROM outbox_message WHERE outbox_id = " + dead).contains("DELIVERED"));
        browser.await("the row shows the delivery without reload", d -> "DELIVERED".equals(d.findElement(
                By.cssSelector("#dead-letter-table tr[data-outbox-id='" + dead + "']")).getAttribute("data-state")));
        browser.driver.navigate().refresh();
        browser.visible("#dead-letters h2");
        assertThat(browser.all("#dead-letter-table tr[data-outbox-id='" + dead + "']")).as("no longer a dead letter").isEmpty();

        String jointId = setup.column("SELECT joint_id FROM joint_proposal WHERE joint_reference = '" + reference + "'").get(0);
        open("#/proposals/" + jointId);
        WebElement delivered = browser.visible("#timeline tr[data-outbox-id='" + dead + "']");
        assertThat(delivered.getAttribute("data-status")).isEqualTo("DELIVERED");
        delivered.findElement(By.cssSelector("details.attempts summary")).click();
        assertThat(delivered.findElements(By.cssSelector("details.attempts li")).stream().map(WebElement::getText))
                .as("the attempts NWO refused before the resend, then the resend's delivery")
                .anyMatch(attempt -> attempt.contains("HTTP 400")).last().asString().contains("delivered");
        assertThat(delivered.findElements(By.cssSelector("details.attempts li")).stream().map(li -> li.getAttribute("data-outcome")))
                .contains("FAILED", "DEAD").last().isEqualTo("DELIVERED");

        try {
            new Select(browser.driver.findElement(By.id("language"))).selectByValue("ja");
            // The language is switched before the view is rendered again: wait for the Japanese timeline itself.
            browser.await("the timeline in Japanese", d -> d.findElement(By.cssSelector("#timeline thead")).getText().contains("配信試行"));
            WebElement japanese = browser.visible("#timeline tr[data-outbox-id='" + dead + "']");
            japanese.findElement(By.cssSelector("details.attempts summary")).click();
            assertThat(japanese.findElements(By.cssSelector("details.attempts li")).stream().map(WebElement::getText))
                    .as("attempt outcomes in Japanese").anyMatch(attempt -> attempt.contains("失敗（再試行予定）"))
                    .last().asString().contains("配信済み");
            assertThat(untranslatedBadges()).as("every state, status and verdict badge in Japanese").isEmpty();
        } finally {
            browser.script("localStorage.removeItem('jointcall.console.language');");
        }
    }

    @Test
    void theSkipLinkMovesFocusToTheMainContentAndKeepsTheView() {
        open("#/exchange");
        browser.visible("#exchange-log tbody tr");
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertThat(browser.script("return document.activeElement.className")).as("the first Tab stop").isEqualTo("skip-link");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();

        browser.await("focus on <main>", d -> "main".equals(browser.script("return document.activeElement.id")));
        assertThat(browser.script("return location.hash")).as("the view's address kept").isEqualTo("#/exchange");
        assertThat(browser.all("#exchange-log")).as("the exchange log still shown").hasSize(1);
        assertThat(browser.driver.findElement(By.id("main")).getText()).doesNotContain("does not exist");
    }

    @Test
    void aHeldMessageSaysWhyInItsPayloadPanelInEitherLanguage() {
        String reference = reference("HELD");
        String review = setup.send("NSF", "review", reference, 2, m -> { });
        setup.send("DFG", "proposal", reference, 1, m -> { });
        await("NSF's review held for its own proposal part", PATIENCE, () -> tracks(reference) > 0
                && processing(review).startsWith("HELD ") && processing(review).contains("NSF's own proposal part"));
        String detail = processing(review).substring("HELD ".length());
        String jointId = setup.column("SELECT joint_id FROM joint_proposal WHERE joint_reference = '" + reference + "'").get(0);

        open("#/proposals/" + jointId);
        WebElement held = timelineRow("IN", "NSF", "REVIEW_RESULT");
        assertThat(held.getAttribute("data-status")).isEqualTo("HELD");
        held.findElement(By.cssSelector("button.show-payloads")).click();
        WebElement state = browser.visible("#payload-state");
        assertThat(state.getAttribute("data-state")).isEqualTo("HELD");
        assertThat(state.getText()).contains("Held");
        assertThat(browser.visible("#payload-detail").getText()).as("the ledger's reason, word for word").isEqualTo(detail);

        try {
            browser.script("localStorage.setItem('jointcall.console.language', 'ja');");
            open("#/proposals/" + jointId);
            timelineRow("IN", "NSF", "REVIEW_RESULT").findElement(By.cssSelector("button.show-payloads")).click();
            assertThat(browser.visible("#payload-state").getText()).contains("保留中");
            assertThat(browser.visible("#payload-processing").getText()).contains("処理状況", detail);
            assertThat(untranslatedBadges()).as("every state, status and verdict badge in Japanese").isEmpty();
        } finally {
            browser.script("localStorage.removeItem('jointcall.console.language');");
        }
    }

    @Test
    void anInvalidDateRangeShowsTheProblemAndNoRowsNorExport() {
        open("#/exchange");
        browser.visible("#exchange-log tbody tr");
        assertThat(browser.visible("#export-csv").getAttribute("href")).contains("/exchange-log.csv");
        browser.consoleMessages();

        browser.script("document.getElementById('log-from').value = '2026-05-01T10:44';"
                + " document.getElementById('log-to').value = '2026-05-01T10:41';");
        browser.driver.findElement(By.id("log-apply")).click();

        WebElement problem = browser.visible("#log-problem [role='alert']");
        assertThat(problem.getText()).contains("is not before");
        assertThat(browser.all("#exchange-log tr")).as("no rows left from the previous filter").isEmpty();
        assertThat(browser.all("#export-csv")).singleElement().satisfies(link -> {
            assertThat(link.isDisplayed()).as("no export of a view the API refused").isFalse();
            assertThat(link.getAttribute("href")).isNull();
        });
        assertThat(browser.consoleMessages()).as("no uncaught error").noneMatch(message -> message.contains("Uncaught"));
    }

    @Test
    void switchingToJapaneseTranslatesTheConsoleAndLocalisesDates() {
        try {
            open("#/calls");
            browser.visible("#calls-table");
            new Select(browser.driver.findElement(By.id("language"))).selectByValue("ja");

            browser.await("the page in Japanese", d -> "ja".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            browser.await("the calls table in Japanese", d -> d.findElement(By.cssSelector("#calls-table caption")).getText().contains("提案数"));
            assertThat(browser.driver.findElement(By.id("nav-calls")).getText()).isEqualTo("共同公募");
            assertThat(browser.driver.findElement(By.cssSelector("#calls-table thead")).getText()).contains("審査中", "採択", "不採択");
            assertThat(browser.driver.findElement(By.cssSelector("#calls-table tr[data-call-id='" + CALL + "'] time")).getText())
                    .as("2099-06-30T17:00Z as a Japanese date").matches("2099年\\d{1,2}月\\d{1,2}日.*");

            browser.driver.navigate().refresh();
            browser.visible("#calls-table");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).as("the choice is kept").isEqualTo("ja");
            assertThat(browser.driver.findElement(By.id("logout")).getText()).isEqualTo("ログアウト");

            open("#/audit");
            WebElement signIn = browser.visible("#audit-log td[data-action='SIGN_IN']");
            assertThat(signIn.getText()).as("audit actions through the dictionary").isEqualTo("ログイン");
            assertThat(browser.all("#audit-log tbody td")).extracting(WebElement::getText)
                    .as("an empty detail shows nothing").doesNotContain("\"\"");

            open("#/proposals/not-a-proposal-id");
            assertThat(browser.visible("main .error").getText()).as("the kind of problem in Japanese, the server's detail beside it")
                    .startsWith("リクエストが正しくありません（").contains("not-a-proposal-id");
        } finally {
            browser.script("localStorage.removeItem('jointcall.console.language');");
        }
    }

    @Test
    void exportCsvDownloadsEveryRowOfTheFilteredExchangeLog() throws Exception {
        String reference = reference("CSV");
        AGENCIES.forEach(agency -> setup.send(agency, "proposal", reference, 1, m -> { }));
        setup.send("DFG", "review", reference, 2, m -> { });
        await("the messages applied", PATIENCE, () -> tracks(reference) == 4);

        open("#/exchange");
        new Select(browser.visible("#log-agency")).selectByValue("DFG");
        browser.driver.findElement(By.id("log-q")).sendKeys(reference);
        browser.driver.findElement(By.id("log-apply")).click();
        browser.await("only DFG's messages about the proposal listed", d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#exchange-log tbody tr[data-id]"));
            return !rows.isEmpty() && rows.stream().allMatch(r -> "DFG".equals(r.getAttribute("data-agency")) && r.getText().contains(reference));
        });
        int shown = browser.all("#exchange-log tbody tr[data-id]").size();
        assertThat(browser.unlabelledControlsAndHeaders()).as("controls without label, headers without scope").isEmpty();

        browser.driver.findElement(By.id("export-csv")).click();
        List<String> lines = Files.readAllLines(browser.download("exchange-log.csv"), StandardCharsets.UTF_8);

        assertThat(lines.get(0)).as("header").containsIgnoringCase("direction").containsIgnoringCase("agency");
        List<String> rows = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).toList();
        assertThat(rows).hasSize(shown).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(line -> line.contains("DFG") && line.contains(reference), "a DFG message about " + reference);
    }

    private static void submitLogin(String username, String password) {
        WebElement name = browser.visible("#username");
        name.clear();
        name.sendKeys(username);
        WebElement secret = browser.driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.driver.findElement(By.id("login-submit")).click();
    }

    /** Opens a view of the console ({@code #/...}), logging in first when there is no session (tests run in any order). */
    private static void open(String view) {
        // From a blank page, so the console loads afresh even when only the #view differs from the current address.
        browser.driver.get("about:blank");
        browser.get(setup.gateway(), "/console/index.html" + view);
        browser.await("the console or the login page", d -> d.getCurrentUrl().contains("/console/login.html")
                || "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        if (browser.driver.getCurrentUrl().contains("/console/login.html")) {
            submitLogin(ADMIN, JointCallGateway.ADMIN_PASSWORD);
            browser.await("back in the console", d -> d.getCurrentUrl().contains("/console/index.html")
                    && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        }
    }

    private static void openMatrixOf(String reference) {
        open("#/calls/" + CALL + "?q=" + reference);
        browser.visible("#matrix tr[data-joint-reference='" + reference + "']");
    }

    private static WebElement row(String reference) {
        return browser.driver.findElement(By.cssSelector("#matrix tr[data-joint-reference='" + reference + "']"));
    }

    private static WebElement jointStateCell(String reference) {
        return row(reference).findElement(By.cssSelector("td[data-column='jointState']"));
    }

    /** The row once the timeline shows it: the console is ready before a view's data has arrived. */
    private static WebElement timelineRow(String direction, String agency, String kind) {
        return browser.visible("#timeline tr[data-direction='" + direction + "'][data-agency='" + agency + "'][data-kind='" + kind + "']");
    }

    private static String reference(String purpose) {
        return "QUAD-UI-" + purpose + "-" + System.nanoTime();
    }

    private static String updatedOf(String reference) {
        return row(reference).findElement(By.cssSelector("td[data-column='updated'] time")).getAttribute("datetime");
    }

    private static String ariaSortOf(String sortKey) {
        return (String) browser.script("return document.querySelector(\"#matrix button[data-sort='\" + arguments[0] + \"']\")"
                + ".closest('th').getAttribute('aria-sort');", sortKey);
    }

    private static String hash() {
        return (String) browser.script("return location.hash;");
    }

    private static String jointIdOf(String reference) {
        return setup.column("SELECT joint_id FROM joint_proposal WHERE joint_reference = '" + reference + "'").get(0);
    }

    /** The ledger's processing state of an inbound message and, after a space, its detail. */
    private static String processing(String messageId) {
        return setup.column("SELECT processing_state || ' ' || coalesce(processing_detail, '') FROM exchange_ledger WHERE message_id = '"
                + messageId + "'").stream().findFirst().orElse("");
    }

    /** Badges on the page whose text still holds a raw code (an upper-case word such as NONE or UNVERIFIED). */
    @SuppressWarnings("unchecked")
    private static List<String> untranslatedBadges() {
        return (List<String>) browser.script("return [...document.querySelectorAll('.badge')].map((b) => b.textContent)"
                + ".filter((text) => /[A-Z]{2,}/.test(text));");
    }

    private static long tracks(String reference) {
        return Long.parseLong(setup.column("SELECT count(*) FROM agency_track t JOIN joint_proposal p USING (joint_id)"
                + " WHERE p.joint_reference = '" + reference + "'").get(0));
    }
}
