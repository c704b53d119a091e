/**
 * The operator side: the {@code /admin/v1} API (tenants, apps, users, user tokens), its bearer
 * token, and start-up provisioning from a seed file or, on an empty database, a demo tenant.
 */
package dev.larkspur.admin;
