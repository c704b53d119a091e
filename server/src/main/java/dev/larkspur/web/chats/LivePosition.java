package dev.larkspur.web.chats;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Pages with a live stream carry the feed position ({@code liveAfter}) taken before the handler
 * reads anything: every change up to it is on the page, and the stream tells the rest.
 */
@ControllerAdvice(assignableTypes = {ChatPageController.class, ChatListController.class, ThreadPageController.class})
class LivePosition {
    private final LiveFeed feed;

    LivePosition(LiveFeed feed) {
        this.feed = feed;
    }

    @ModelAttribute("liveAfter")
    long liveAfter() {
        return feed.position();
    }
}
