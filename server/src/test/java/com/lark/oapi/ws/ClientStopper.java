package com.lark.oapi.ws;

/**
 * The SDK's long-connection client has no public way to stop; tests reach its package-visible
 * members from here to hang up without reconnecting, so that clients do not outlive their test.
 */
public final class ClientStopper {
    private ClientStopper() {}

    public static void stop(Client client) {
        client.autoReconnect = false;
        client.disconnect();
    }

    public static boolean connected(Client client) {
        return client.conn != null;
    }
}
