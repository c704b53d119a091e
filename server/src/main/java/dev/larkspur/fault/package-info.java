/**
 * Fault injection: Feishu's bad days on demand. Operators and tests set rules (admin API, seed
 * file) that make Open API calls fail, slow down or lose their connection, make event pushes drop,
 * repeat, wait or arrive out of order, and close or silence long connections. Rules live in the
 * memory of the instance that received them, expire on their own and count what they did.
 */
package dev.larkspur.fault;
