package dev.larkspur.web.groups;

import java.util.List;

/**
 * What the group panel shows the person, and which of its controls their role allows. The controls
 * follow the chat rules so that the person is not offered what the service would refuse; the
 * service still decides.
 */
record GroupPanel(
        String chatId,
        String name,
        String description,
        Role role,
        List<Person> people,
        List<Bot> bots,
        List<Choice> addablePeople,
        List<Choice> addableBots,
        Settings settings,
        String announcement,
        long announcementRevision,
        String topNotice,
        List<Link> tabs,
        List<Menu> menus) {

    /** The person's role in the group. */
    record Role(boolean owner, boolean manager, boolean mayAdd, boolean mayEdit, boolean mayEditAnnouncement) {
        public boolean privileged() {
            return owner || manager;
        }
    }

    record Person(String userId, String name, boolean owner, boolean manager, boolean self) {}

    record Bot(String appId, String name, boolean manager) {}

    record Choice(String id, String name) {}

    record Settings(String addMemberPermission, String atAllPermission, String editPermission) {}

    /** A link that opens in a new tab. */
    record Link(String name, String url) {}

    /** A chat menu: a link, or a heading over its children's links. */
    record Menu(String name, String url, List<Link> children) {}
}
