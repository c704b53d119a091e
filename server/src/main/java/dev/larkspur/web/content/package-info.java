/**
 * Message content as the browser client shows it: {@link dev.larkspur.web.content.ContentViews} turns
 * a message's {@code msg_type} and stored content (receive format, or the card as sent) into a
 * {@link dev.larkspur.web.content.ContentView}, and the fragment {@code web/fragments/content.html}
 * renders it: {@code <div th:replace="~{web/fragments/content :: content(${view})}"></div>}, with
 * {@code /web/css/content.css} on the page. Card controls are forms posting {@code tag},
 * {@code name}, {@code value} (the element's value JSON) and {@code option} (the chosen option, date
 * or time), with {@code _csrf} when the target carries one, to the
 * {@link dev.larkspur.web.content.ContentContext.CardTarget}; selects and pickers carry
 * {@code data-lk-submit-on-change}, and {@code /web/js/cards.js} sends them (dev.larkspur.web.cards).
 * Everything a sender wrote reaches the page escaped: the templates use {@code th:text}, and card
 * markdown is built as escaped HTML by {@link dev.larkspur.web.content.LarkMarkdown}.
 */
package dev.larkspur.web.content;
