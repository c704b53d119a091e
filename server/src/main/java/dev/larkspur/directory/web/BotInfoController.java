package dev.larkspur.directory.web;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /open-apis/bot/v3/info}: tenant token, no scope, and {@code bot} beside code and msg. */
@RestController
class BotInfoController {
    /** {@code activate_status} 2: enabled by the tenant (bot-v3 info doc). */
    private static final int ACTIVATED = 2;

    private final AppService apps;

    BotInfoController(AppService apps) {
        this.apps = apps;
    }

    record BotInfo(int activateStatus, String appName, String avatarUrl, List<String> ipWhiteList, String openId) {}

    record BotInfoResponse(int code, String msg, BotInfo bot) {}

    @GetMapping("/open-apis/bot/v3/info")
    @ApiAccess(tokens = TokenType.TENANT)
    BotInfoResponse info(Caller caller) {
        var app = apps.get(caller.appId());
        if (!app.botEnabled()) {
            throw DirectoryErrors.botDisabled();
        }
        return new BotInfoResponse(0, "ok", new BotInfo(ACTIVATED, app.name(), "", List.of(), app.botOpenId()));
    }
}
