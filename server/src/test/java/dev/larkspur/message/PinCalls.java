package dev.larkspur.message;

import static dev.larkspur.message.ReactionCalls.AS_BOT;
import static dev.larkspur.support.Responses.ok;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.CreatePinReq;
import com.lark.oapi.service.im.v1.model.CreatePinReqBody;
import com.lark.oapi.service.im.v1.model.CreatePinResp;
import com.lark.oapi.service.im.v1.model.DeletePinReq;
import com.lark.oapi.service.im.v1.model.DeletePinResp;
import com.lark.oapi.service.im.v1.model.ListPinReq;
import com.lark.oapi.service.im.v1.model.ListPinResp;
import com.lark.oapi.service.im.v1.model.Pin;
import java.util.Arrays;
import java.util.List;

/** The pin calls of the official SDK, as the pin tests make them. */
final class PinCalls {
    private PinCalls() {}

    static CreatePinResp pin(Client client, String messageId, RequestOptions as) throws Exception {
        return client.im()
                .pin()
                .create(
                        CreatePinReq.newBuilder()
                                .createPinReqBody(CreatePinReqBody.newBuilder()
                                        .messageId(messageId)
                                        .build())
                                .build(),
                        as);
    }

    static Pin pin(Client client, String messageId) throws Exception {
        return ok(pin(client, messageId, AS_BOT)).getData().getPin();
    }

    static DeletePinResp unpin(Client client, String messageId) throws Exception {
        return client.im()
                .pin()
                .delete(DeletePinReq.newBuilder().messageId(messageId).build());
    }

    static ListPinResp list(Client client, ListPinReq.Builder request) throws Exception {
        return client.im().pin().list(request.build());
    }

    static ListPinReq.Builder in(String chatId) {
        return ListPinReq.newBuilder().chatId(chatId);
    }

    static List<String> pinned(Client client, String chatId) throws Exception {
        var items = ok(list(client, in(chatId))).getData().getItems();
        return items == null
                ? List.of()
                : Arrays.stream(items).map(Pin::getMessageId).toList();
    }
}
