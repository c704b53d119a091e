package dev.larkspur.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * The SDK's long-connection client (2.5.x) has no public way to stop: without one, a bot started by
 * one test class would stay connected to the shared server and take the next class's events. This
 * turns its reconnection off and hangs up, through the members the SDK keeps for itself.
 */
final class LongConnectionStopper {
    private LongConnectionStopper() {}

    static void stop(com.lark.oapi.ws.Client client) {
        try {
            Field reconnect = com.lark.oapi.ws.Client.class.getDeclaredField("autoReconnect");
            reconnect.setAccessible(true);
            reconnect.set(client, Boolean.FALSE);
            Method disconnect = com.lark.oapi.ws.Client.class.getDeclaredMethod("disconnect");
            disconnect.setAccessible(true);
            disconnect.invoke(client);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "this SDK version's long-connection client cannot be stopped by the kit", e);
        }
    }
}
