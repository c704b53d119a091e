package dev.larkspur.admin.web;

import dev.larkspur.admin.CardClicks;
import dev.larkspur.platform.ApiResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Act as a person clicking a card button: {@code action} is what the card element sends ({@code
 * value}, {@code tag}, and for inputs {@code form_value}, {@code input_value}, {@code option}…).
 */
@RestController
class AdminCardActionController {
    private final CardClicks clicks;

    AdminCardActionController(CardClicks clicks) {
        this.clicks = clicks;
    }

    record ClickBody(String messageId, JsonNode action) {}

    record ClickView(JsonNode toast, boolean cardUpdated) {}

    @PostMapping("/admin/v1/tenants/{tenant_key}/users/{user_id}/card_actions")
    ApiResponse<ClickView> click(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @RequestBody(required = false) ClickBody body) {
        var b = body == null ? new ClickBody(null, null) : body;
        var clicked = clicks.click(tenantKey, userId, b.messageId(), b.action());
        return ApiResponse.success(new ClickView(clicked.toast(), clicked.cardUpdated()));
    }
}
