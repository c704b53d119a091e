package dev.larkspur.bench;

import dev.larkspur.bench.Bench.Plan;

/** The report's web client section (issue 11's targets, measured, not asserted). */
final class WebReport {
    /** "Opens in under 300 ms p95", for the chat and for the list alike. */
    static final double TARGET_MS = 300;

    private WebReport() {}

    static void section(StringBuilder md, Plan plan, RunResult run) {
        var web = run.web();
        if (web.isEmpty()) {
            return;
        }
        md.append("### Web client\n\n");
        md.append("One signed-in person (through `/login`), one request after another, ")
                .append(plan.pageStep().toSeconds())
                .append(" s each, after a warm-up: `GET /chats/{id}` (the first screen of a chat of %,d messages,"
                        .formatted(run.sizes().getOrDefault("web_chat_messages", 0L)))
                .append(" rendered by the server), its older pages one after another by key (`?before=…`, as htmx")
                .append(" asks when scrolling up; back to the newest page at the end), and `GET /chats` for a person")
                .append(" in %,d chats (each with unread messages).\n\n"
                        .formatted(run.sizes().getOrDefault("web_person_chats", 0L)));
        md.append("| target | measured | met |\n|---|---|---|\n");
        target(md, "a chat of 100,000 messages opens in under 300 ms p95", web.get("chat_first_screen"));
        target(md, "older pages load in under 300 ms p95", web.get("chat_older_pages"));
        target(md, "the list of a person in 1,000 chats renders in under 300 ms p95", web.get("chat_list"));
        md.append("\n| page | p50 ms | p95 ms | p99 ms | pages/s | failed |\n|---|---|---|---|---|---|\n");
        web.forEach((name, l) -> md.append("| ")
                .append(name.replace('_', ' '))
                .append(" | %.2f | %.2f | %.2f | %,.0f | %d |\n"
                        .formatted(l.p50(), l.p95(), l.p99(), l.perSecond(), l.errors())));
        md.append('\n');
    }

    private static void target(StringBuilder md, String target, Latency measured) {
        if (measured == null) {
            return;
        }
        boolean met = measured.p95() < TARGET_MS && measured.errors() == 0;
        md.append("| ")
                .append(target)
                .append(" | p95 %.2f ms".formatted(measured.p95()))
                .append(" | ")
                .append(met ? "yes" : "**no**")
                .append(" |\n");
    }
}
