package dev.larkspur.message.web;

import dev.larkspur.message.MessageResources;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.Caller;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /open-apis/im/v1/messages/:message_id/resources/:file_key?type=image|file}. */
@RestController
class MessageResourceController {
    private final MessageResources resources;

    MessageResourceController(MessageResources resources) {
        this.resources = resources;
    }

    @GetMapping("/open-apis/im/v1/messages/{message_id}/resources/{file_key}")
    @ApiAccess(scopes = {"im:message", "im:message:readonly", "im:message.history:readonly"})
    ResponseEntity<Resource> download(
            Caller caller,
            @PathVariable("message_id") String messageId,
            @PathVariable("file_key") String fileKey,
            @RequestParam(name = "type", required = false) String type) {
        return resources.download(caller, messageId, fileKey, type).toResponse();
    }
}
