package dev.larkspur.chat;

import static dev.larkspur.support.Person.openIds;
import static dev.larkspur.support.Responses.ok;

import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateChatResp;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Person;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.TestServer;

/**
 * Fresh tenants for the chat integration tests ({@link Org}), with the chat calls every test
 * repeats.
 */
final class ChatFixtures {
    private final TestServer server;

    ChatFixtures(TestServer server) {
        this.server = server;
    }

    Org org() {
        return new Org(server);
    }

    /** A tenant of the chat tests: the shared {@link dev.larkspur.support.Org} and chats on demand. */
    static final class Org extends dev.larkspur.support.Org {
        private Org(TestServer server) {
            super(server, "Chat Co", "Main Bot");
        }

        /** A plain GET with the main bot's tenant token, to see the JSON as sent. */
        RawHttp.Reply rawGet(String path) {
            return server.http().get(path, tenantToken());
        }

        CreateChatResp create(CreateChatReqBody body) throws Exception {
            return client.im()
                    .chat()
                    .create(CreateChatReq.newBuilder().createChatReqBody(body).build());
        }

        /** A chat created by another bot of the tenant. */
        CreateChatResp createAs(Admin.AppCreds app, CreateChatReqBody body) throws Exception {
            return client(app)
                    .im()
                    .chat()
                    .create(CreateChatReq.newBuilder().createChatReqBody(body).build());
        }

        /** A private chat owned by the main bot, with these people in it. */
        String chat(String name, Person... people) throws Exception {
            return ok(create(CreateChatReqBody.newBuilder()
                            .name(name)
                            .userIdList(openIds(people))
                            .build()))
                    .getData()
                    .getChatId();
        }

        /** A private chat created by the main bot, owned by {@code owner}, with these people in it. */
        String chatOwnedBy(Person owner, String name, Person... people) throws Exception {
            return ok(create(CreateChatReqBody.newBuilder()
                            .name(name)
                            .ownerId(owner.openId())
                            .userIdList(openIds(people))
                            .build()))
                    .getData()
                    .getChatId();
        }
    }
}
