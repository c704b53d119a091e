package dev.larkspur.message.pins;

/**
 * A pin as the pin endpoints answer it (spec/message.md §3.21): the operator as an open_id for a
 * person or an app_id for an app, {@code create_time} in milliseconds.
 */
public record PinView(String messageId, String chatId, String operatorId, String operatorIdType, String createTime) {}
