package dev.larkspur.junit;

import tools.jackson.databind.JsonNode;

/**
 * What the person sees after clicking a card: the bot's toast (null when it gave none), whether the
 * bot answered with a new card, and the card message's content after the click (raw JSON).
 */
public record CardAnswer(JsonNode toast, boolean cardUpdated, String card) {}
