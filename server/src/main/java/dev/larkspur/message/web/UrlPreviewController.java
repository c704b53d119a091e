package dev.larkspur.message.web;

import dev.larkspur.message.previews.UrlPreviews;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /open-apis/im/v2/url_previews/batch_update} ({@code client.im().v2().urlPreview()}). */
@RestController
class UrlPreviewController {
    private final UrlPreviews previews;

    UrlPreviewController(UrlPreviews previews) {
        this.previews = previews;
    }

    record Body(List<String> previewTokens, List<String> openIds) {}

    @PostMapping("/open-apis/im/v2/url_previews/batch_update")
    @ApiAccess(tokens = TokenType.TENANT, scopes = "im:url_preview.update")
    ApiResponse<Map<String, Object>> batchUpdate(Caller caller, @RequestBody(required = false) Body body) {
        previews.refresh(caller, body == null ? null : body.previewTokens(), body == null ? null : body.openIds());
        return ApiResponse.empty();
    }
}
