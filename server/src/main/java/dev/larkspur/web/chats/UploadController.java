package dev.larkspur.web.chats;

import dev.larkspur.media.MediaProperties;
import dev.larkspur.media.MediaUploads;
import dev.larkspur.media.Upload;
import dev.larkspur.message.MessageSending;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image or file from the composer (attach button, paste, drop): uploaded as the person through
 * the chat's app, as {@code POST /im/v1/images} and {@code /files} do, then sent as the message
 * that carries it. The upload belongs to that app, the same app the message is sent through, so the
 * message service's owner check passes as it would for a Feishu client. With {@code parent_id} it is
 * a reply (in the thread with {@code reply_in_thread}), as the composer's text is. Refusals are Feishu's,
 * worded for a person, shown where the composer is.
 */
@Controller
class UploadController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OpenChats openChats;
    private final MediaUploads uploads;
    private final MediaProperties limits;
    private final ChatActions actions;
    private final Timeline timeline;

    UploadController(
            OpenChats openChats, MediaUploads uploads, MediaProperties limits, ChatActions actions, Timeline timeline) {
        this.openChats = openChats;
        this.uploads = uploads;
        this.limits = limits;
        this.actions = actions;
        this.timeline = timeline;
    }

    @PostMapping("/chats/{chat_id}/uploads")
    String upload(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "file", required = false) Part file,
            @RequestParam(name = "parent_id", defaultValue = "") String parentId,
            @RequestParam(name = "reply_in_thread", defaultValue = "false") boolean inThread,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        var opened = openChats.open(me, chatId).orElse(null);
        if (opened == null) {
            response.setStatus(404);
            return "web/not-found";
        }
        if (file == null || file.getSize() == 0) {
            return refuse("Choose a file to send; an empty file cannot be sent.", response, model);
        }
        String name = file.getSubmittedFileName() == null
                        || file.getSubmittedFileName().isBlank()
                ? "file"
                : file.getSubmittedFileName();
        var kind = UploadKind.of(file.getContentType(), name);
        var upload = new Upload(file.getSize(), file::getInputStream);
        String content;
        try {
            content = kind.image()
                    ? JSON.writeValueAsString(
                            Map.of("image_key", uploads.uploadImage(opened.caller(), "message", upload)))
                    : JSON.writeValueAsString(Map.of(
                            "file_key", uploads.uploadFile(opened.caller(), kind.fileType(), name, null, upload)));
        } catch (FeishuException e) {
            return refuse(worded(e, kind), response, model);
        }
        var draft = new MessageSending.Draft(kind.msgType(), content, null);
        var sent = parentId.isBlank()
                ? actions.send(opened.caller(), opened.chat(), draft)
                : actions.reply(opened.caller(), opened.chat(), parentId, draft, inThread);
        if (htmx == null) {
            response.setStatus(303);
            return "redirect:/chats/" + chatId;
        }
        if (sent.threadId() != null && sent.rootId() != null) {
            // As a text reply in a thread: the page shows the thread's root, with one more reply.
            sent = actions.message(opened.caller(), sent.rootId());
            response.setHeader("HX-Retarget", "#lk-m-" + sent.messageId());
            response.setHeader("HX-Reswap", "outerHTML");
        }
        model.addAttribute("m", timeline.rows(me, List.of(sent)).get(0));
        return "web/fragments/timeline :: message";
    }

    /** A refusal by the message rules (muted, too fast, ...) after the upload. */
    @ExceptionHandler(FeishuException.class)
    String refused(FeishuException e, HttpServletResponse response, Model model) {
        return refuse(e.getMessage(), response, model);
    }

    private static String refuse(String message, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("error", message);
        return "web/fragments/timeline :: refused";
    }

    private String worded(FeishuException e, UploadKind kind) {
        return switch (e.code()) {
            case 234006 -> kind.image()
                    ? "The image is larger than " + limits.imageMaxSize().toMegabytes()
                            + " MB, the most an image can be."
                    : "The file is larger than " + limits.fileMaxSize().toMegabytes() + " MB, the most a file can be.";
            case 234010 -> "Choose a file to send; an empty file cannot be sent.";
            case 234011 -> "This image's format cannot be read. Send it as a file instead.";
            case 234039 -> "The image has too many pixels (at most 12000 on a side, 2000 for a GIF).";
            case 234001 -> kind.image()
                    ? e.getMessage()
                    : "The file's content is not what its name says (." + kind.fileType() + "); it was not sent.";
            default -> e.getMessage();
        };
    }
}
