package dev.larkspur.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A record in the body of an event as it is stored: its components in Feishu's snake_case and in
 * their declared order, and a null component left out, as Feishu leaves out an absent field (a
 * message's {@code root_id}, a chat's {@code i18n_names}). The annotations hold for every record
 * implementing this, whatever mapper writes it. People and bots in it are {@link EventRefs}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public interface EventBody {}
