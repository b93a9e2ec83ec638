package io.liandong.dispatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventType;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's headless chromium through chromedriver): an operator signs in with a token,
 * and the incident, a deadline breach and an overdue commitment each show on the page within two seconds of their
 * events being written on Kafka. Saves a screenshot to {@code target/console.png}, and to the path in the system
 * property {@code console.screenshot} when set (the README's picture).
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    static final Duration PROMISE = Duration.ofSeconds(2);

    @TestHTTPResource("/console")
    URL console;

    @Inject
    MovableClock clock;

    private WebDriver browser;
    private ScheduledExecutorService realTime;
    private final Map<String, Long> shownAfterMillis = new LinkedHashMap<>();

    @BeforeEach
    void openBrowser() {
        // Not a skip: CI installs both (.ci/run), and a console nobody has seen in a browser is not tested.
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Debian's chromium is needed at %s for the console's browser test: apt-get install -y chromium"
                        + " chromium-driver (.ci/run installs it)", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium-driver is needed at %s for the console's browser test: apt-get install -y"
                        + " chromium-driver (.ci/run installs it)", CHROMEDRIVER).isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1600,1800", "--lang=zh-CN", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // The page's countdowns and the delays run on the service's clock: let it follow real time.
        realTime = Executors.newSingleThreadScheduledExecutor();
        realTime.scheduleAtFixedRate(() -> clock.set(Instant.now()), 0, 5, TimeUnit.MILLISECONDS);
        ConsoleEvents.warmUp(Devstack.identity().token("city-command-hq", "hq-operator"));
    }

    @AfterEach
    void closeBrowser() {
        if (realTime != null) {
            realTime.shutdownNow();
        }
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorSeesTheIncidentTheDeadlineBreachAndTheOverdueCommitmentWithinTwoSecondsOfTheirEvents()
            throws IOException {
        browser.get(console.toString());
        WebDriverWait page = new WebDriverWait(browser, Duration.ofSeconds(30));
        // The console redraws a feed line when its count changes: a line read while it is replaced is read again.
        page.ignoring(StaleElementReferenceException.class);
        page.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
                .sendKeys(Devstack.identity().token("city-command-hq", "hq-operator"));
        browser.findElement(By.id("sign-in")).click();
        page.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-status", "live"));

        String incident = ConsoleEvents.newIncidentId();
        Instant start = Instant.now();
        try (var events = new ConsoleEvents()) {
            events.write(EventType.GRIEVANCE_SURGE_DETECTED, null, Map.of("clusterId", "cls-" + incident,
                    "count", 7, "windowStart", start.minusSeconds(1200), "windowEnd", start.minusSeconds(60),
                    "detectedAt", start.minusSeconds(60), "centre", Map.of("lat", 30.1860, "lon", 120.1990)));

            within(PROMISE, "the incident", () -> events.write(EventType.INCIDENT_REPORTED, incident,
                    Map.of("reportedAt", start, "estimatedCrowdSize", 120)),
                    By.cssSelector("#incidents [data-incident-id='" + incident + "']"));

            // The surge's merchants linked to it: one line in the feed that counts them, not a line each.
            for (int i = 0; i < 30; i++) {
                events.write(EventType.GRIEVANCE_LINKED, incident, Map.of("grievanceId", incident + "-grv-" + i));
            }
            By links = By.cssSelector("#activity li[data-type='io.liandong.grievance.linked.v1']");
            page.until(d -> d.findElements(links).stream().anyMatch(li -> li.getText().contains("×30")));
            assertThat(browser.findElements(links)).extracting(WebElement::getText).filteredOn(line -> line.contains(incident))
                    .singleElement().asString().endsWith("×30");

            // The playbook's four agencies, each with its clocks (police 2/5 min, department 5/30, community 5/20, health 3/15).
            assign(events, incident, "police", "police", "police-binjiang-branch", "order-maintenance", start, 2, 5);
            assign(events, incident, "commerce", "competent-department", "commerce-bureau", "mediation", start, 5, 30);
            assign(events, incident, "community", "community", "community-binjiang-xixing", "crowd-guidance",
                    start.minus(Duration.ofMinutes(21)), 5, 20);
            assign(events, incident, "health", "health", "health-commission", "logistics", start, 3, 15);
            events.write(EventType.ASSIGNMENT_ACKNOWLEDGED, incident, Map.of("assignmentId", incident + "-police",
                    "acknowledgedAt", start.plusSeconds(40)));
            events.write(EventType.ASSIGNMENT_ON_SCENE, incident, Map.of("assignmentId", incident + "-police",
                    "arrivedAt", start.plusSeconds(200)));
            events.write(EventType.ASSIGNMENT_ACKNOWLEDGED, incident, Map.of("assignmentId", incident + "-commerce",
                    "agencyId", "commerce-bureau", "acknowledgedAt", start.plusSeconds(90)));
            events.write(EventType.MILESTONE_RECORDED, incident, Map.of("recordedAt", start.plusSeconds(260)));
            events.write(EventType.MILESTONE_RECORDED, incident, Map.of("milestone", "core-parties-isolated",
                    "recordedAt", start.plusSeconds(300)));

            within(PROMISE, "the deadline breach", () -> events.write(EventType.ASSIGNMENT_DEADLINE_BREACHED, incident,
                    Map.of("assignmentId", incident + "-community", "agencyId", "community-binjiang-xixing",
                            "dueAt", start.minusSeconds(60), "breachedAt", start.minusSeconds(59))),
                    By.cssSelector("[data-incident-id='" + incident + "'] tr.breached[data-assignment-id='"
                            + incident + "-community']"));
            events.write(EventType.ASSIGNMENT_ESCALATED, incident, Map.of("assignmentId", incident + "-community",
                    "agencyId", "community-binjiang-xixing", "escalatedAt", start.minusSeconds(58)));

            status(events, incident, "dispatched", "on-scene", start.plusSeconds(200));
            status(events, incident, "on-scene", "under-control", start.plusSeconds(420));
            events.write(EventType.MEDIATION_SESSION_HELD, incident, Map.of("heldAt", start.plusSeconds(900)));
            status(events, incident, "under-control", "mediating", start.plusSeconds(900));
            events.write(EventType.RESOLUTION_FAILED, incident, Map.of("failedAt", start.plusSeconds(1500)));
            events.write(EventType.MEDIATION_SESSION_HELD, incident, Map.of("sessionNumber", 2,
                    "heldAt", start.plusSeconds(2400)));
            events.write(EventType.RESOLUTION_AGREED, incident, Map.of());
            status(events, incident, "mediating", "resolved", start.plusSeconds(3000));
            events.write(EventType.FOLLOWUP_PLAN_CREATED, incident, Map.of());
            events.write(EventType.FOLLOWUP_ITEM_VERIFIED, incident, Map.of("itemId", "fui-2026-0107-01"));

            within(PROMISE, "the overdue commitment", () -> events.write(EventType.FOLLOWUP_ITEM_OVERDUE, incident,
                    Map.of("itemId", "fui-2026-0107-10")),
                    By.cssSelector("[data-incident-id='" + incident + "'] tr.overdue[data-item-id='fui-2026-0107-10']"));
        }

        // What the operator reads: Chinese as it was written, the breach and the overdue item flagged in words.
        String card = browser.findElement(By.cssSelector("#incidents [data-incident-id='" + incident + "']")).getText();
        assertThat(card).contains("滨江商圈管理处", "超时", "逾期", "调解");
        assertThat(browser.findElements(By.cssSelector("#map [data-incident-id='" + incident + "'] .alarm-ring")))
                .hasSize(1);
        System.out.println("console: shown after (ms from the write) " + shownAfterMillis);
        screenshot();

        // The same page in English: the labels change, what the agencies wrote stays as written.
        browser.findElement(By.id("language")).click();
        card = browser.findElement(By.cssSelector("#incidents [data-incident-id='" + incident + "']")).getText();
        assertThat(card).contains("BREACHED", "OVERDUE", "Mediation", "滨江商圈管理处");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("Operators' live console");
    }

    private static void status(ConsoleEvents events, String incident, String from, String to, Instant at) {
        events.write(EventType.INCIDENT_STATUS_CHANGED, incident, Map.of("from", from, "to", to, "changedAt", at));
    }

    private static void assign(ConsoleEvents events, String incident, String suffix, String role, String agency,
                               String group, Instant createdAt, int acknowledgeMinutes, int onSceneMinutes) {
        events.write(EventType.ASSIGNMENT_CREATED, incident, Map.of("assignmentId", incident + "-" + suffix,
                "agencyRole", role, "agencyId", agency, "onSiteGroup", group, "createdAt", createdAt,
                "acknowledgeDueAt", createdAt.plus(Duration.ofMinutes(acknowledgeMinutes)),
                "onSceneDueAt", createdAt.plus(Duration.ofMinutes(onSceneMinutes))));
    }

    /** Writes an event and fails unless {@code what} shows within {@code limit} of the write's start. */
    private void within(Duration limit, String what, Supplier<EventEnvelope> write, By shown) {
        long writtenAt = System.nanoTime();
        EventEnvelope written = write.get();
        long left = limit.toMillis() - (System.nanoTime() - writtenAt) / 1_000_000;
        try {
            new WebDriverWait(browser, Duration.ofMillis(Math.max(0, left)), Duration.ofMillis(20))
                    .until(ExpectedConditions.presenceOfElementLocated(shown));
        } catch (TimeoutException e) {
            throw new AssertionError(what + " (event " + written.type().type() + ") did not show within " + limit
                    + " of its write", e);
        }
        shownAfterMillis.put(what, (System.nanoTime() - writtenAt) / 1_000_000);
    }

    private void screenshot() throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "console.png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        String wanted = System.getProperty("console.screenshot");
        if (wanted != null && !wanted.isBlank()) {
            Path docs = Path.of(wanted);
            Files.createDirectories(docs.toAbsolutePath().getParent());
            Files.copy(target, docs, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.size(target)).isPositive();
        System.out.println("console: screenshot " + target.toAbsolutePath());
    }
}
