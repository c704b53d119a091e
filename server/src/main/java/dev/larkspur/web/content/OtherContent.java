package dev.larkspur.web.content;

import tools.jackson.databind.JsonNode;

/**
 * The receive-only kinds the client shows as a one-line summary (spec/message.md §4.2): folders,
 * red packets, calendar events, locations, video calls, tasks and votes.
 */
final class OtherContent {
    private OtherContent() {}

    static ContentView.Other view(String msgType, JsonNode node) {
        String summary =
                switch (msgType) {
                    case "folder" -> "[Folder] " + node.path("file_name").asString("");
                    case "hongbao" -> node.path("text").asString("[Red packet]");
                    case "share_calendar_event", "calendar", "general_calendar" -> "[Event] "
                            + node.path("summary").asString("");
                    case "location" -> "[Location] " + node.path("name").asString("");
                    case "video_chat" -> "[Video call] " + node.path("topic").asString("");
                    case "todo" -> "[Task]";
                    case "vote" -> "[Vote] " + node.path("topic").asString("");
                    default -> "[Unsupported message: " + msgType + "]";
                };
        return new ContentView.Other(msgType, summary.strip());
    }
}
