package dev.larkspur.directory;

/** A department a user belongs to, by its two ids: the tenant's own and the {@code od-…} one. */
public record DepartmentRef(String departmentId, String openDepartmentId) {}
