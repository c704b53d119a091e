package dev.larkspur.message.pins;

import dev.larkspur.directory.UserIdType;
import dev.larkspur.message.OperatorIds;
import dev.larkspur.platform.Caller;
import java.util.List;
import org.springframework.stereotype.Component;

/** Renders pins for one caller; a page costs the same few queries whatever its size. */
@Component
public class PinPresenter {
    private final OperatorIds operatorIds;

    PinPresenter(OperatorIds operatorIds) {
        this.operatorIds = operatorIds;
    }

    public PinView one(Caller caller, MessagePin pin) {
        return render(caller, List.of(pin)).get(0);
    }

    public List<PinView> render(Caller caller, List<MessagePin> pins) {
        var ids = operatorIds.of(caller, pins.stream().map(MessagePin::operator).toList(), UserIdType.OPEN_ID);
        return pins.stream()
                .map(p -> new PinView(
                        p.messageId(),
                        p.chatId(),
                        ids.get(p.operator()),
                        p.operator().isUser() ? "open_id" : "app_id",
                        String.valueOf(p.createdAt())))
                .toList();
    }
}
