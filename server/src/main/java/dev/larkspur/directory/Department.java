package dev.larkspur.directory;

/** A department of a tenant: its own id, the {@code od-…} one, its name and how many people are in it. */
public record Department(String departmentId, String openDepartmentId, String name, long members) {}
