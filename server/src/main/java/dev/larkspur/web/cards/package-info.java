/**
 * Card clicks in the browser: a button, select, overflow or picker on a bot's card posts to
 * {@code /chats/{chat_id}/messages/{message_id}/card_actions}; the person's click goes to the bot as
 * {@code card.action.trigger} through the same service as the operator API's card action
 * ({@link dev.larkspur.admin.CardClicks}), and the answer comes back as a fragment: the bot's toast
 * and, when it answered with a card, the card to draw in place. {@code /web/js/cards.js} sends the
 * clicks and shows the answer.
 */
package dev.larkspur.web.cards;
