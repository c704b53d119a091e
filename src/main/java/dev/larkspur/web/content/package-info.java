/**
 * Message content as the browser client shows it: {@link dev.larkspur.web.content.ContentViews} turns
 * a message's {@code msg_type} and stored content (receive format, or the card as sent) into a
 * {@link dev.larkspur.web.content.ContentView}, and the fragment {@code web/fragments/content.html}
 * renders it. Everything a sender wrote reaches the page escaped: the templates use {@code th:text},
 * and card markdown is built as escaped HTML by {@link dev.larkspur.web.content.LarkMarkdown}.
 */
package dev.larkspur.web.content;
