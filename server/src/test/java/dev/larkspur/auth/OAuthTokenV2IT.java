package dev.larkspur.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.RawHttp;
import dev.larkspur.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /open-apis/authen/v2/oauth/token} over raw HTTP, as standard OAuth clients call it:
 * top-level fields, no envelope, {@code error} and {@code error_description} on failure (D uat-v2).
 */
class OAuthTokenV2IT {
    private static final String PATH = "/open-apis/authen/v2/oauth/token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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

    private static RawHttp.Reply post(Map<String, Object> body) {
        return server.http().post(PATH, null, JSON.writeValueAsString(body));
    }

    private static Map<String, Object> codeGrant(OAuthFlow flow, String code) {
        var body = new LinkedHashMap<String, Object>();
        body.put("grant_type", "authorization_code");
        body.put("client_id", flow.app.appId());
        body.put("client_secret", flow.app.appSecret());
        body.put("code", code);
        body.put("redirect_uri", OAuthFlow.REDIRECT_URI);
        return body;
    }

    private static Map<String, Object> refreshGrant(OAuthFlow flow, String refreshToken) {
        return Map.of(
                "grant_type",
                "refresh_token",
                "client_id",
                flow.app.appId(),
                "client_secret",
                flow.app.appSecret(),
                "refresh_token",
                refreshToken);
    }

    @Test
    void codeWithOfflineAccessGivesTopLevelTokensThatTheOpenApiTakes() {
        var flow = OAuthFlow.create(server, "Top");

        var reply = post(codeGrant(flow, flow.code("offline_access im:chat")));

        assertThat(reply.status()).isEqualTo(200);
        var body = reply.body();
        assertThat(body.path("code").asInt(-1)).isZero();
        assertThat(body.has("data")).isFalse();
        assertThat(body.path("access_token").asText()).startsWith("u-");
        assertThat(body.path("expires_in").asInt()).isBetween(7190, 7200);
        assertThat(body.path("refresh_token").asText()).startsWith("ur-");
        assertThat(body.path("refresh_token_expires_in").asInt()).isEqualTo(30 * 24 * 3600);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("scope").asText().split(" ")).containsExactlyInAnyOrder("offline_access", "im:chat");

        var info = server.http()
                .get("/open-apis/authen/v1/user_info", body.path("access_token").asText());
        assertThat(info.code()).isZero();
        assertThat(info.body().path("data").path("open_id").asText()).isEqualTo(flow.openId());
    }

    @Test
    void withoutOfflineAccessThereIsNoRefreshToken() {
        var flow = OAuthFlow.create(server, "Online");

        var body = post(codeGrant(flow, flow.code("im:chat"))).body();

        assertThat(body.path("access_token").asText()).startsWith("u-");
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.has("refresh_token_expires_in")).isFalse();
    }

    @Test
    void refreshRotatesAndTheOldRefreshTokenIsRefused() {
        var flow = OAuthFlow.create(server, "Rotate");
        var first = post(codeGrant(flow, flow.code("offline_access"))).body();
        String oldRefresh = first.path("refresh_token").asText();

        var second = post(refreshGrant(flow, oldRefresh));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("access_token").asText())
                .isNotEqualTo(first.path("access_token").asText());
        assertThat(second.body().path("refresh_token").asText())
                .startsWith("ur-")
                .isNotEqualTo(oldRefresh);

        var again = post(refreshGrant(flow, oldRefresh));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo(20073);
        assertThat(again.body().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(again.body().path("error_description").asText()).contains("only be used once");
        assertThat(again.body().has("msg")).isFalse();
    }

    @Test
    void reusedCodeIsRefused() {
        var flow = OAuthFlow.create(server, "Reuse");
        String code = flow.code("");
        assertThat(post(codeGrant(flow, code)).status()).isEqualTo(200);

        var again = post(codeGrant(flow, code));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo(20065);
    }

    @Test
    void concurrentRedemptionsOfOneCodeGiveOneToken() throws Exception {
        var flow = OAuthFlow.create(server, "Race");
        var body = codeGrant(flow, flow.code(""));
        var pool = Executors.newFixedThreadPool(6);
        try {
            Callable<Integer> redeem = () -> post(body).status();
            var replies = pool.invokeAll(Collections.nCopies(6, redeem), 60, TimeUnit.SECONDS);
            var statuses = new ArrayList<Integer>();
            for (var reply : replies) {
                statuses.add(reply.get());
            }
            assertThat(statuses).containsOnly(200, 400);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clientIsAuthenticated() {
        var flow = OAuthFlow.create(server, "Client");
        var wrongSecret = codeGrant(flow, flow.code(""));
        wrongSecret.put("client_secret", "not-the-secret");
        var unknown = codeGrant(flow, flow.code(""));
        unknown.put("client_id", "cli_0000000000000000");

        var refused = post(wrongSecret);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(20002);
        assertThat(refused.body().path("error").asText()).isEqualTo("invalid_client");
        assertThat(post(unknown).code()).isEqualTo(20048);
    }

    @Test
    void redirectUriMustBeTheOneTheCodeWasIssuedFor() {
        var flow = OAuthFlow.create(server, "Redirect");
        var body = codeGrant(flow, flow.code(""));
        body.put("redirect_uri", "https://bot.example/other");

        assertThat(post(body).code()).isEqualTo(20071);
    }

    @Test
    void pkceCodeNeedsItsVerifier() {
        var flow = OAuthFlow.create(server, "Pkce");
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String code = flow.code(Map.of(
                "app_id",
                flow.app.appId(),
                "redirect_uri",
                OAuthFlow.REDIRECT_URI,
                "code_challenge",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method",
                "S256"));

        var without = post(codeGrant(flow, code));
        assertThat(without.code()).isEqualTo(20049);

        var with = codeGrant(flow, code);
        with.put("code_verifier", verifier);
        assertThat(post(with).body().path("access_token").asText()).startsWith("u-");
    }

    @Test
    void scopeNarrowsTheTokenWithinTheGrant() {
        var flow = OAuthFlow.create(server, "Narrow");
        var narrow = codeGrant(flow, flow.code("im:chat im:message"));
        narrow.put("scope", "im:chat");
        var beyond = codeGrant(flow, flow.code("im:chat"));
        beyond.put("scope", "im:chat drive:drive");

        assertThat(post(narrow).body().path("scope").asText()).isEqualTo("im:chat");
        assertThat(post(beyond).code()).isEqualTo(20068);
    }

    @Test
    void theTokenMayDoOnlyWhatThePersonGranted() {
        // A person's grants to an app accumulate, so each case is a person and app of its own.
        String chats = "/open-apis/im/v1/chats";
        var reader = OAuthFlow.create(server, "GrantedChats");
        String chatReader = post(codeGrant(reader, reader.code("im:chat")))
                .body()
                .path("access_token")
                .asText();
        assertThat(server.http().get(chats, chatReader).code()).isZero();

        var writer = OAuthFlow.create(server, "GrantedMessages");
        String messagesOnly = post(codeGrant(writer, writer.code("im:message")))
                .body()
                .path("access_token")
                .asText();
        assertThat(server.http().get(chats, messagesOnly).code())
                .as("the scope required, 99991672")
                .isEqualTo(99991672);
        // What it may do is the person's grant; who it is, user_info tells either way.
        assertThat(server.http()
                        .get("/open-apis/authen/v1/user_info", messagesOnly)
                        .body()
                        .path("data")
                        .path("open_id")
                        .asText())
                .isEqualTo(writer.openId());

        var narrowing = OAuthFlow.create(server, "GrantedNarrowed");
        var narrowed = codeGrant(narrowing, narrowing.code("im:chat im:message"));
        narrowed.put("scope", "im:message");
        String narrowedToken = post(narrowed).body().path("access_token").asText();
        assertThat(server.http().get(chats, narrowedToken).code()).isEqualTo(99991672);

        // Asking for no scope at all (authen v1 clients) leaves the token the app's scopes.
        var unscoped = OAuthFlow.create(server, "GrantedNothing");
        String unscopedToken = post(codeGrant(unscoped, unscoped.code("")))
                .body()
                .path("access_token")
                .asText();
        assertThat(server.http().get(chats, unscopedToken).code()).isZero();
    }

    @Test
    void unknownGrantTypeAndMalformedBodiesAreRefused() {
        var flow = OAuthFlow.create(server, "Malformed");
        var body = codeGrant(flow, flow.code(""));
        body.put("grant_type", "password");

        assertThat(post(body).code()).isEqualTo(20036);
        var broken = server.http().post(PATH, null, "{not json");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.code()).isEqualTo(20063);
        var missing = post(Map.of("grant_type", "authorization_code"));
        assertThat(missing.code()).isEqualTo(20001);
    }

    @Test
    void standardClientPostingAFormWithBasicCredentialsIsServed() throws Exception {
        var flow = OAuthFlow.create(server, "Form");
        String form = Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        flow.code("offline_access"),
                        "redirect_uri",
                        OAuthFlow.REDIRECT_URI)
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder()
                .encodeToString((flow.app.appId() + ":" + flow.app.appSecret()).getBytes(StandardCharsets.UTF_8));

        var reply = postForm(form, "Basic " + basic);

        assertThat(reply.path("code").asInt(-1)).isZero();
        assertThat(reply.path("refresh_token").asText()).startsWith("ur-");
    }

    private static JsonNode postForm(String form, String authorization) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return JSON.readTree(
                HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
