package dev.larkspur.directory;

import java.util.List;

/** A person in a tenant. {@code userId} is tenant-scoped and settable; {@code unionId} is global. */
public record User(
        long pk,
        long tenantPk,
        String userId,
        String unionId,
        String name,
        String enName,
        String email,
        String mobile,
        boolean resigned,
        List<DepartmentRef> departments,
        long createdAt) {}
