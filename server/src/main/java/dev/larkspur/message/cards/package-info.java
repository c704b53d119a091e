/**
 * The delayed card update and its tokens, and the per-person copies of non-shared cards. Card
 * clicks themselves enter through {@link dev.larkspur.message.CardInteractions}.
 */
package dev.larkspur.message.cards;
