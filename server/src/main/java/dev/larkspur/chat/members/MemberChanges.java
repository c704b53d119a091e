package dev.larkspur.chat.members;

import java.util.List;

/** What an add-members call reports back (spec/group.md §2.11). */
public record MemberChanges(
        List<String> invalidIdList, List<String> notExistedIdList, List<String> pendingApprovalIdList) {}
