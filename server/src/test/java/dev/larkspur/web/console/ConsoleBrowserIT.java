package dev.larkspur.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Browser;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The console in real Chromium: sign-in (a wrong token refused), tenants, people, apps, deliveries, replay, at desktop and phone widths. */
class ConsoleBrowserIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void signIn(Browser browser, String token) {
        browser.go("/console/login");
        browser.find("#lk-admin-token").sendKeys(token);
        browser.find("#lk-console-signin-submit").click();
    }

    @Test
    void anOperatorSignsInRunsTenantsAndPeopleAndSignsOut() {
        try (var browser = Browser.open(server, Browser.DESKTOP)) {
            browser.go("/console");
            assertThat(browser.path()).isEqualTo("/console/login");
            signIn(browser, "lsa-wrong");
            assertThat(browser.find("#lk-console-signin-error").getText()).isEqualTo("That is not the admin token.");
            assertThat(browser.find("#lk-admin-token").getAttribute("value")).isEmpty();
            browser.screenshot("console-signin-wrong-desktop");

            signIn(browser, TestServer.ADMIN_TOKEN);
            browser.waitFor(ExpectedConditions.urlMatches("/console$"));
            assertThat(browser.find(".lk-console-nav .lk-active").getText()).isEqualTo("Overview");
            assertThat(browser.driver().getPageSource()).doesNotContain(TestServer.ADMIN_TOKEN);
            browser.screenshot("console-overview-desktop");

            browser.find(".lk-console-nav a[href='/console/tenants']").click();
            browser.find("#lk-tenant-name").sendKeys("Browser Co");
            browser.find("#lk-tenant-key").sendKeys("browserco1");
            browser.find("#lk-tenant-create-submit").click();
            assertThat(browser.find("#lk-notice").getText()).contains("Browser Co created");
            var row = browser.find("[data-tenant-key=browserco1]");
            row.findElement(By.cssSelector("summary")).click();
            var rename = row.findElement(By.cssSelector("input[name=name]"));
            rename.clear();
            rename.sendKeys("Browser Company");
            row.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.find("[data-tenant-key=browserco1] .lk-tenant-name")
                            .getText())
                    .isEqualTo("Browser Company");
            browser.screenshot("console-tenants-desktop");

            browser.go("/console/people?tenant=browserco1");
            browser.find("#lk-person-create-panel summary").click();
            browser.find("#lk-person-name").sendKeys("Ivy");
            browser.find("#lk-person-user-id").sendKeys("ivy");
            browser.find("#lk-person-email").sendKeys("ivy@browser.test");
            browser.find("#lk-person-create-submit").click();
            assertThat(browser.find("#lk-notice").getText()).contains("Ivy (ivy) created.");
            browser.find("#lk-departments-panel summary").click();
            browser.find("#lk-department-name").sendKeys("Design");
            browser.find("#lk-department-id").sendKeys("design");
            browser.find("#lk-department-create-submit").click();
            assertThat(browser.find("#lk-notice").getText()).isEqualTo("Department Design (design) created.");
            browser.find("[data-user-id=ivy] summary").click();
            browser.find("[data-user-id=ivy] input[name=department_id][value=design]")
                    .click();
            browser.find("[data-user-id=ivy] .lk-departments-form button").click();
            assertThat(browser.find("#lk-notice").getText()).isEqualTo("Ivy is in design.");
            var ivy = browser.find("[data-user-id=ivy]");
            ivy.findElement(By.cssSelector("summary")).click();
            ivy.findElement(By.cssSelector(".lk-password-form button")).click();
            assertThat(browser.find("#lk-notice").getText()).startsWith("New password for ivy: ");
            browser.find("[data-user-id=ivy] summary").click();
            browser.find("[data-user-id=ivy] .lk-resign-form button").click();
            assertThat(browser.find("[data-user-id=ivy] .lk-resigned").getText())
                    .isEqualTo("resigned");
            browser.screenshot("console-people-desktop");

            browser.find("#lk-console-sign-out").click();
            browser.waitFor(ExpectedConditions.urlContains("/console/login"));
            browser.go("/console/people");
            assertThat(browser.path()).isEqualTo("/console/login");
        }
    }

    /**
     * The scenario from end to end: an app made in the console, its event settings set
     * against a receiver, a person writing to the bot, the delivery in the inspector, replayed, and
     * the receiver getting the same event_id again.
     */
    @Test
    void anOperatorCreatesAnAppSeesItsBotsDeliveryAndReplaysIt() throws Exception {
        String tenant = server.admin().tenant("Replay Co");
        server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
        var eventIds = new CopyOnWriteArrayList<String>();
        var dispatcher = EventDispatcher.newBuilder("vt-browser", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        eventIds.add(event.getHeader().getEventId());
                    }
                })
                .build();
        try (var browser = Browser.open(server, Browser.DESKTOP);
                var receiver = new EventReceiver(dispatcher)) {
            signIn(browser, TestServer.ADMIN_TOKEN);
            browser.waitFor(ExpectedConditions.urlMatches("/console$"));
            browser.go("/console/apps?tenant=" + tenant);
            browser.find("#lk-app-name").sendKeys("Browser Bot");
            browser.find("#lk-app-create-submit").click();
            String appId = browser.find("#lk-app-id").getText();
            assertThat(appId).startsWith("cli_");
            assertThat(browser.find("#lk-app-secret").getText()).hasSizeGreaterThanOrEqualTo(16);
            browser.find("#lk-copy-secret").click();
            browser.waitFor(
                    d -> !d.findElement(By.id("lk-copy-secret")).getText().equals("Copy"));
            browser.screenshot("console-app-created-desktop");

            browser.find("#lk-app-settings").click();
            browser.find("#lk-mode-callback").click();
            browser.find("#lk-request-url").sendKeys(receiver.url());
            var token = browser.find("#lk-verification-token");
            token.clear();
            token.sendKeys("vt-browser");
            browser.find("#lk-events-save").click();
            assertThat(browser.find("#lk-notice").getText()).contains("Request URL verified");
            assertThat(browser.find("#lk-request-url").getAttribute("value")).isEqualTo(receiver.url());
            browser.screenshot("console-app-settings-desktop");

            // Ann writes to the bot (the admin API acting as her, as a person's client would).
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + tenant + "/users/ann/messages",
                            Map.of(
                                    "receive_id_type", "app_id",
                                    "receive_id", appId,
                                    "msg_type", "text",
                                    "content", "{\"text\":\"hello bot\"}")));
            await().atMost(Duration.ofSeconds(15)).until(() -> eventIds.size() == 1);

            browser.go("/console");
            browser.waitFor(d ->
                    Double.parseDouble(d.findElement(By.id("lk-stat-delivered")).getText()) > 0);
            browser.screenshot("console-overview-live-desktop");

            browser.go("/console/deliveries?app=" + appId + "&type=im.message.receive_v1");
            browser.find("#lk-deliveries");
            browser.screenshot("console-deliveries-desktop");
            browser.find(".lk-delivery-row a").click();
            assertThat(browser.find("#lk-delivery-event-id").getText()).isEqualTo(eventIds.get(0));
            assertThat(browser.find("#lk-event-json").getText()).contains("hello bot");

            browser.find("#lk-replay").click();
            assertThat(browser.find("#lk-notice").getText()).contains("Queued again");
            await().atMost(Duration.ofSeconds(15)).until(() -> eventIds.size() == 2);
            assertThat(eventIds.get(1)).as("the same event again").isEqualTo(eventIds.get(0));
            browser.go(browser.path());
            browser.waitFor(
                    d -> d.findElements(By.cssSelector(".lk-attempt-row")).size() == 2);
            browser.screenshot("console-delivery-desktop");
        }
    }

    @Test
    void theConsoleFitsAPhone() {
        try (var browser = Browser.open(server, Browser.PHONE)) {
            signIn(browser, TestServer.ADMIN_TOKEN);
            browser.waitFor(ExpectedConditions.urlMatches("/console$"));
            for (String page : new String[] {"/console", "/console/people", "/console/apps", "/console/deliveries"}) {
                browser.go(page);
                browser.find(".lk-console-nav");
                long width = (Long) ((JavascriptExecutor) browser.driver())
                        .executeScript("return document.documentElement.scrollWidth;");
                assertThat(width).as("no sideways scrolling on " + page).isLessThanOrEqualTo(360);
            }
            browser.go("/console/people");
            browser.screenshot("console-people-phone");
            browser.go("/console");
            String before = browser.find("#lk-stat-tenants").getText();
            server.admin().tenant("Live Co");
            browser.waitFor(
                    d -> !d.findElement(By.id("lk-stat-tenants")).getText().equals(before));
            browser.screenshot("console-overview-phone");
        }
    }
}
