package dev.larkspur.directory;

import java.util.List;

/** What it takes to add a person to a tenant; a null {@code userId} is generated. */
public record NewUser(
        String name, String enName, String email, String mobile, String userId, List<String> departmentIds) {}
