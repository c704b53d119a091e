package dev.larkspur.web.chats;

import dev.larkspur.message.MessageResources;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The images and files of a chat's messages, for its members' browsers: the timeline's
 * {@code <img>} and download links (web.content.ContentContext#messageResources). Served through
 * {@code GET /im/v1/messages/:id/resources/:key}'s service as the person, so a key is readable only
 * through a message that carries it and that the person can see. Anything else is a 404.
 */
@Controller
class ResourceController {
    /**
     * A file's bytes come from whoever sent it: sandboxed so that an HTML or SVG file opened from
     * the page cannot run in Larkspur's origin (it also goes out as an attachment; only images, whose
     * type the media module sniffed from their bytes, are shown inline).
     */
    static final String SANDBOX = "sandbox";

    private final OpenChats openChats;
    private final MessageResources resources;

    ResourceController(OpenChats openChats, MessageResources resources) {
        this.openChats = openChats;
        this.resources = resources;
    }

    @GetMapping("/chats/{chat_id}/messages/{message_id}/resources/{key}")
    ResponseEntity<Resource> download(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @PathVariable("message_id") String messageId,
            @PathVariable("key") String key,
            @RequestParam(name = "type", required = false) String type) {
        var opened = openChats.open(me, chatId).orElse(null);
        if (opened == null) {
            return ResponseEntity.notFound().build();
        }
        try {
            var download = resources.download(opened.caller(), messageId, key, type);
            var found = download.toResponse();
            var headers = new HttpHeaders();
            headers.putAll(found.getHeaders());
            if ("image".equals(type)) {
                // Opened from the timeline, an image is shown rather than saved.
                headers.setContentDisposition(ContentDisposition.inline()
                        .filename(download.fileName())
                        .build());
            }
            headers.add("Content-Security-Policy", SANDBOX);
            return ResponseEntity.status(found.getStatusCode()).headers(headers).body(found.getBody());
        } catch (FeishuException e) {
            return ResponseEntity.notFound().build();
        }
    }
}
