package dev.larkspur.web.console;

import static dev.larkspur.web.console.ConsoleSignInPagesIT.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tenants and People in the console over HTTP: the admin API's services, their refusals as messages. */
class ConsoleDirectoryPagesIT {
    private static TestServer server;
    private static WebHttp web;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        web = new WebHttp(server);
        ConsoleWeb.signIn(web, TestServer.ADMIN_TOKEN);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Document page(String path) {
        var response = web.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** Posts a form and follows the redirect back to the page, which shows the outcome. */
    private static Document submit(String from, String path, Map<String, String> fields) {
        var posted = ConsoleWeb.post(web, from, path, fields);
        return page(location(posted).replaceFirst("^https?://[^/]+", ""));
    }

    @Test
    void createsAndRenamesTenantsShowingNamesAsText() {
        var created = submit(
                "/console/tenants", "/console/tenants", Map.of("name", "<b>Acme</b>", "tenant_key", "acmeacme01"));
        assertThat(created.select("#lk-notice").text()).contains("created with key acmeacme01");
        var row = created.selectFirst("[data-tenant-key=acmeacme01]");
        assertThat(row.selectFirst(".lk-tenant-name").text()).isEqualTo("<b>Acme</b>");
        assertThat(row.select(".lk-tenant-name b")).as("escaped, not markup").isEmpty();

        var renamed = submit("/console/tenants", "/console/tenants/acmeacme01/name", Map.of("name", "Acme Ltd"));
        assertThat(renamed.selectFirst("[data-tenant-key=acmeacme01] .lk-tenant-name")
                        .text())
                .isEqualTo("Acme Ltd");
        assertThat(server.admin()
                        .call("GET", "/admin/v1/tenants/acmeacme01", null)
                        .body()
                        .path("data")
                        .path("name")
                        .asText())
                .as("the admin API sees the same tenant")
                .isEqualTo("Acme Ltd");
    }

    @Test
    void refusalsAreShownAsMessagesNotErrors() {
        var badKey = submit("/console/tenants", "/console/tenants", Map.of("name", "X", "tenant_key", "BAD KEY"));
        assertThat(badKey.select("#lk-console-error").text()).contains("tenant_key must be 8 to 32");
        var taken = submit(
                "/console/tenants", "/console/tenants", Map.of("name", "Again", "tenant_key", "d3m0d3m0d3m0d3m0"));
        assertThat(taken.select("#lk-console-error").text()).contains("already exists");

        var missing = web.get("/console/people?tenant=nosuchtenant");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select("#lk-console-error").text())
                .contains("not found");
        assertThat(web.get("/console/people?after=garbage").statusCode()).isEqualTo(400);
    }

    @Test
    void searchesAndPagesPeopleByKey() {
        String key = server.admin().tenant("Paging Co");
        for (int i = 0; i < 25; i++) {
            server.admin().user(key, Map.of("name", String.format("Person %02d", i), "user_id", "p" + i));
        }
        server.admin().user(key, Map.of("name", "Zed", "user_id", "zed", "email", "zed@paging.test"));

        var first = page("/console/people?tenant=" + key);
        assertThat(first.select(".lk-person-row")).hasSize(20);
        String next = first.selectFirst("#lk-people-next").attr("href");
        var second = page(next);
        assertThat(second.select(".lk-person-row .lk-row-name").eachText())
                .containsExactly("Person 20", "Person 21", "Person 22", "Person 23", "Person 24", "Zed");
        assertThat(second.select("#lk-people-next")).isEmpty();

        var found = page("/console/people?tenant=" + key + "&q=ZED%40");
        assertThat(found.select(".lk-person-row .lk-row-name").eachText()).containsExactly("Zed");
    }

    @Test
    void createsAPersonGeneratesAPasswordAndResigns() {
        String key = server.admin().tenant("People Co");
        String people = "/console/people?tenant=" + key;
        var created = submit(
                people,
                "/console/people/" + key,
                Map.of("name", "Hana", "user_id", "hana", "email", "hana@people.test", "password", ""));
        assertThat(created.select("#lk-notice").text()).contains("Hana (hana) created.");

        var reset = submit(people, "/console/people/" + key + "/hana/password", Map.of("password", ""));
        var m = Pattern.compile("New password for hana: (\\S+) ")
                .matcher(reset.select("#lk-notice").text());
        assertThat(m.find()).as(reset.select("#lk-notice").text()).isTrue();
        String generated = m.group(1);
        assertThat(new WebHttp(server).signIn("hana@people.test", generated).statusCode())
                .isEqualTo(302);
        assertThat(page(people).select("#lk-notice")).as("shown once").isEmpty();

        var resigned = submit(people, "/console/people/" + key + "/hana/resign", Map.of());
        assertThat(resigned.select("#lk-notice").text()).contains("Hana has resigned");
        assertThat(resigned.select("[data-user-id=hana] .lk-resigned")).hasSize(1);
        assertThat(new WebHttp(server).signIn("hana@people.test", generated).body())
                .contains("Wrong email or password.");
    }

    @Test
    void makesADepartmentAndPutsAPersonInIt() {
        String key = server.admin().tenant("Dept Pages Co");
        server.admin().user(key, Map.of("name", "Dan", "user_id", "dan"));
        String people = "/console/people?tenant=" + key;
        var made = submit(
                people, "/console/people/" + key + "/departments", Map.of("name", "Sales", "department_id", "sales"));
        assertThat(made.select("#lk-notice").text()).isEqualTo("Department Sales (sales) created.");
        assertThat(made.select("#lk-departments [data-department-id=sales] .lk-row-name")
                        .text())
                .isEqualTo("Sales");

        var assigned = submit(people, "/console/people/" + key + "/dan/departments", Map.of("department_id", "sales"));
        assertThat(assigned.select("#lk-notice").text()).isEqualTo("Dan is in sales.");
        assertThat(assigned.select("[data-user-id=dan] .lk-tag").text()).isEqualTo("sales");
        assertThat(assigned.select("[data-user-id=dan] input[name=department_id][value=sales]")
                        .hasAttr("checked"))
                .isTrue();
        assertThat(assigned.select("[data-department-id=sales] .lk-department-members")
                        .text())
                .isEqualTo("1 person");
        assertThat(server.admin()
                        .call("GET", "/admin/v1/tenants/" + key + "/users/dan", null)
                        .body()
                        .path("data")
                        .path("department_ids")
                        .toString())
                .as("the admin API sees the same departments")
                .isEqualTo("[\"sales\"]");

        var refused = submit(
                people, "/console/people/" + key + "/departments", Map.of("name", "Again", "department_id", "sales"));
        assertThat(refused.select("#lk-console-error").text()).contains("already exists");
        var emptied = submit(people, "/console/people/" + key + "/dan/departments", Map.of());
        assertThat(emptied.select("#lk-notice").text()).isEqualTo("Dan is in no department.");
    }
}
