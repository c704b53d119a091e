package dev.larkspur.web.groups;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatMenuItem;
import dev.larkspur.chat.ChatMenus;
import dev.larkspur.chat.ChatTab;
import dev.larkspur.chat.ChatTabs;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * A group's tabs and chat menu as links. Feishu's chat menu items either do nothing (a heading over
 * children) or open a redirect link; the Open API has no event for a click on one (the bot menu's
 * {@code application.bot.menu_v6} is about a bot's own menu in its p2p chat), so a click opens the
 * link and nothing is sent. Only http(s) links are shown: the services check them when they are
 * set, and a page never links to another scheme.
 */
@Component
class GroupExtras {
    private final ChatTabs tabs;
    private final ChatMenus menus;

    GroupExtras(ChatTabs tabs, ChatMenus menus) {
        this.tabs = tabs;
        this.menus = menus;
    }

    /** The URL and doc tabs (the message tab is the chat itself). */
    List<GroupPanel.Link> tabs(Actor actor, String chatId) {
        return tabs.list(actor, chatId).stream()
                .filter(t -> !ChatTab.isMessage(t) && t.tabContent() != null)
                .map(t -> new GroupPanel.Link(
                        t.tabName() == null ? t.tabType() : t.tabName(),
                        web(
                                ChatTab.URL.equals(t.tabType())
                                        ? t.tabContent().url()
                                        : t.tabContent().doc())))
                .filter(l -> l.url() != null)
                .toList();
    }

    List<GroupPanel.Menu> menus(Actor actor, String chatId) {
        var tree = menus.get(actor, chatId);
        if (tree.chatMenuTopLevels() == null) {
            return List.of();
        }
        return tree.chatMenuTopLevels().stream()
                .map(top -> new GroupPanel.Menu(
                        top.chatMenuItem().name(),
                        link(top.chatMenuItem()),
                        top.children() == null
                                ? List.of()
                                : top.children().stream()
                                        .map(c -> new GroupPanel.Link(
                                                c.chatMenuItem().name(), link(c.chatMenuItem())))
                                        .filter(l -> l.url() != null)
                                        .toList()))
                .toList();
    }

    /** The link a browser follows: the web link, else the PC one, else the common one. */
    private static String link(ChatMenuItem item) {
        if (!ChatMenuItem.REDIRECT_LINK.equals(item.actionType()) || item.redirectLink() == null) {
            return null;
        }
        var r = item.redirectLink();
        return Stream.of(r.webUrl(), r.pcUrl(), r.commonUrl())
                .map(GroupExtras::web)
                .filter(u -> u != null)
                .findFirst()
                .orElse(null);
    }

    private static String web(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
}
