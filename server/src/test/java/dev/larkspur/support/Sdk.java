package dev.larkspur.support;

import com.lark.oapi.Client;

/** The official Java SDK, pointed at a test server: only its base URL changes. */
public final class Sdk {
    private Sdk() {}

    public static Client client(TestServer server, Admin.AppCreds app) {
        return Client.newBuilder(app.appId(), app.appSecret())
                .openBaseUrl(server.baseUrl())
                .build();
    }
}
