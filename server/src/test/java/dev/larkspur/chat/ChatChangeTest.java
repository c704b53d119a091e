package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.event.EventRefs;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The chat_change objects and moderator list of im.chat.updated_v1, as they are stored. */
class ChatChangeTest {
    private final JsonMapper plain = JsonMapper.builder().build();

    private static ChatSettings named(String name) {
        return SettingRules.merge(
                SettingRules.defaults(), ChatSettings.patch().name(name).build());
    }

    @Test
    void holdsOnlyTheChangedFieldsInTheEventsOrderWithTheOwnerLast() {
        var before = named("Old");
        var after = SettingRules.merge(
                before,
                ChatSettings.patch().name("New").atAllPermission("only_owner").build());

        assertThat(plain.writeValueAsString(ChatChange.of(before, after, EventRefs.bot(2))))
                .isEqualTo("{\"name\":\"Old\",\"at_all_permission\":\"all_members\",\"owner_id\":{\"$bot\":2}}");
        assertThat(plain.writeValueAsString(ChatChange.of(after, before, EventRefs.user(3))))
                .isEqualTo("{\"name\":\"New\",\"at_all_permission\":\"only_owner\",\"owner_id\":{\"$user\":3}}");
    }

    @Test
    void aFieldThatHadNoValueIsLeftOutOfBeforeChange() {
        var before = named(null);
        var after = named("First");

        assertThat(plain.writeValueAsString(ChatChange.of(before, after, null))).isEqualTo("{}");
        assertThat(ChatChange.of(before, after, null).isEmpty()).isTrue();
        assertThat(plain.writeValueAsString(ChatChange.of(after, before, null))).isEqualTo("{\"name\":\"First\"}");
    }

    @Test
    void settingsTheEventLeavesOutCountAsChangedButAreNotInIt() {
        var before = named("Team");
        var after = new ChatSettings(
                before.name(),
                before.description(),
                before.i18nNames(),
                before.avatar(),
                "public",
                before.addMemberPermission(),
                before.shareCardPermission(),
                before.atAllPermission(),
                before.editPermission(),
                before.groupMessageType(),
                before.joinMessageVisibility(),
                before.leaveMessageVisibility(),
                before.membershipApproval(),
                before.moderationPermission(),
                before.urgentSetting(),
                before.videoConferenceSetting(),
                before.hideMemberCountSetting(),
                before.restrictedModeSetting());

        assertThat(ChatChange.changedFields(before, after)).containsExactly("chat_type");
        assertThat(ChatChange.of(after, before, null).isEmpty()).isTrue();
    }

    @Test
    void aModerationChangeWritesEmptyChangesAndTheListsInOrder() {
        var body = new ChatEvents.Updated(
                "oc_1",
                EventRefs.user(1),
                false,
                "t1",
                ChatChange.NONE,
                ChatChange.NONE,
                new ChatEvents.ModeratorList(List.of(new ChatEvents.Moderator("t1", EventRefs.user(3))), List.of()));

        assertThat(plain.writeValueAsString(body))
                .isEqualTo("{\"chat_id\":\"oc_1\",\"operator_id\":{\"$user\":1},\"external\":false,"
                        + "\"operator_tenant_key\":\"t1\",\"after_change\":{},\"before_change\":{},"
                        + "\"moderator_list\":{\"added_member_list\":[{\"tenant_key\":\"t1\",\"user_id\":{\"$user\":3}}],"
                        + "\"removed_member_list\":[]}}");
    }
}
