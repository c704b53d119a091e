package dev.larkspur.message;

import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v2.model.BatchUpdateUrlPreviewReq;
import com.lark.oapi.service.im.v2.model.BatchUpdateUrlPreviewReqBody;
import com.lark.oapi.service.im.v2.model.BatchUpdateUrlPreviewResp;
import dev.larkspur.directory.AppService;
import dev.larkspur.message.internal.UrlPreviewRepository;
import dev.larkspur.message.previews.UrlPreviews;
import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refreshing URL previews (spec/message.md §3.22) through {@code client.im().v2().urlPreview()}.
 * Link-preview callbacks do not exist yet, so preview tokens are issued through the {@link
 * UrlPreviews} bean that the callback code will call.
 */
class UrlPreviewIT {
    private static TestServer server;
    private static MessageFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixtures = new MessageFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String previewToken(Admin.AppCreds app) {
        long appPk = server.bean(AppService.class).get(app.appId()).pk();
        return server.bean(UrlPreviews.class).issue(appPk, null);
    }

    private static BatchUpdateUrlPreviewResp refresh(Client client, List<String> tokens, List<String> openIds)
            throws Exception {
        return client.im()
                .v2()
                .urlPreview()
                .batchUpdate(BatchUpdateUrlPreviewReq.newBuilder()
                        .batchUpdateUrlPreviewReqBody(BatchUpdateUrlPreviewReqBody.newBuilder()
                                .previewTokens(tokens.toArray(String[]::new))
                                .openIds(openIds == null ? null : openIds.toArray(String[]::new))
                                .build())
                        .build());
    }

    private static List<UrlPreviewRepository.Refresh> refreshes(String token) {
        return server.bean(UrlPreviewRepository.class).refreshesOf(token);
    }

    @Test
    void aRefreshForEveryoneIsRecordedAndAnswersAnEmptyData() throws Exception {
        var org = fixtures.org();
        String token = previewToken(org.bot);

        var resp = ok(refresh(org.client, List.of(token), null));

        var body = MessageFixtures.parse(new String(resp.getRawResponse().getBody(), StandardCharsets.UTF_8));
        assertThat(body.path("msg").asText()).isEqualTo("success");
        assertThat(body.path("data").isObject()).isTrue();
        assertThat(body.path("data")).isEmpty();
        assertThat(refreshes(token)).hasSize(1);
        assertThat(refreshes(token).get(0).userPksJson()).isNull();
    }

    @Test
    void aRefreshForSomePeopleRecordsThem() throws Exception {
        var org = fixtures.org();
        String token = previewToken(org.bot);

        ok(refresh(org.client, List.of(token), List.of(org.person("Ann").openId())));

        assertThat(refreshes(token).get(0).userPksJson()).matches("\\[\\d+]");
    }

    @Test
    void oneTokenIsRefreshedOnceInFiveSeconds() throws Exception {
        var org = fixtures.org();
        String token = previewToken(org.bot);
        ok(refresh(org.client, List.of(token), null));

        assertFails(refresh(org.client, List.of(token), null), 230020);
        server.clock().advance(Duration.ofSeconds(6));
        ok(refresh(org.client, List.of(token), null));
    }

    @Test
    void tokensMustBeOfTheCallingApp() throws Exception {
        var org = fixtures.org();
        String othersToken = previewToken(org.bot("Other Bot"));

        assertFails(refresh(org.client, List.of(othersToken), null), 230001);
        assertFails(refresh(org.client, List.of("952te0c8-9ccf-463d-ad73-593f8f768a5c"), null), 230001);
        assertThat(refreshes(othersToken)).isEmpty();
    }

    @Test
    void oneToTenTokensAreRequired() throws Exception {
        var org = fixtures.org();
        var eleven = Collections.nCopies(11, "x").stream()
                .map(x -> previewToken(org.bot))
                .toList();

        assertFails(refresh(org.client, List.of(), null), 230001);
        assertFails(refresh(org.client, eleven, null), 230001);
    }

    @Test
    void openIdsMustNamePeopleTheAppKnows() throws Exception {
        var org = fixtures.org();
        String token = previewToken(org.bot);

        var resp = refresh(org.client, List.of(token), List.of("ou_nobody"));

        assertFails(resp, 230001);
        assertThat(resp.getMsg()).isEqualTo("param is invalid");
        assertThat(refreshes(token)).isEmpty();
    }

    @Test
    void theUpdateScopeIsRequired() throws Exception {
        var org = fixtures.org();
        var narrow = server.admin().app(org.tenantKey, "Narrow", List.of("im:message"));

        var resp = refresh(org.client(narrow), List.of(previewToken(narrow)), null);

        assertThat(resp.getCode()).isEqualTo(99991672);
    }
}
