package dev.larkspur.web.session;

import java.io.Serializable;

/** The person a browser session belongs to; held in the servlet session. */
public record SignedIn(long tenantPk, String tenantKey, long userPk, String name, String email)
        implements Serializable {}
