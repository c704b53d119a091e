package dev.larkspur.fault;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.event.DeliveryFaults;
import dev.larkspur.event.LongConnections;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The rules in force on this instance. They live in memory, not in the database: a rule is a test's
 * or an operator's short experiment that expires within minutes, and reading it from memory keeps the
 * hot path at one volatile read of an array that is empty when no rule is set. With several instances,
 * set a rule on each (or on the one a test talks to); a restart forgets the rules, except the seed
 * file's, which are set again at start.
 */
@Component
public class Faults implements DeliveryFaults {
    private static final FaultRule[] NONE = new FaultRule[0];
    private final FaultRules validation;
    private final AppService apps;
    private final ObjectProvider<LongConnections> connections;
    private final Clock clock;
    private final Object writeLock = new Object();
    private volatile FaultRule[] all = NONE;
    private volatile FaultRule[] openApi = NONE;
    private volatile FaultRule[] delivery = NONE;
    private volatile FaultRule[] longConnection = NONE;

    /** Connections come lazily: they ask this class whether to answer pings. */
    Faults(AppService apps, ObjectProvider<LongConnections> connections, Clock clock) {
        this.validation = new FaultRules();
        this.apps = apps;
        this.connections = connections;
        this.clock = clock;
    }

    /** Checks and sets a rule; a {@code close_connections} rule closes the app's connections now. */
    public FaultRule add(FaultSpec spec) {
        var error = validation.check(spec);
        Long appPk = spec.appId() == null
                ? null
                : apps.find(spec.appId())
                        .orElseThrow(() -> DirectoryErrors.notFound("app " + spec.appId()))
                        .pk();
        long now = clock.millis();
        long ttl = spec.ttlSeconds() == null ? FaultRules.DEFAULT_TTL_SECONDS : spec.ttlSeconds();
        var rule = new FaultRule("fault_" + Ids.hex(16), spec, appPk, error, now, now + ttl * 1000);
        synchronized (writeLock) {
            var next = new ArrayList<>(live(now));
            next.add(rule);
            publish(next);
        }
        if (rule.action() == FaultAction.CLOSE_CONNECTIONS) {
            rule.countApplied(connections.getObject().closeAll(appPk, "fault " + rule.id()));
        }
        return rule;
    }

    /** The rules in force, oldest first; expired ones are forgotten here. */
    public List<FaultRule> list() {
        long now = clock.millis();
        synchronized (writeLock) {
            var live = live(now);
            if (live.size() != all.length) {
                publish(live);
            }
            return live;
        }
    }

    public FaultRule get(String id) {
        return list().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> DirectoryErrors.notFound("fault rule " + id));
    }

    public void remove(String id) {
        synchronized (writeLock) {
            var next = new ArrayList<>(Arrays.asList(all));
            if (!next.removeIf(r -> r.id().equals(id))) {
                throw DirectoryErrors.notFound("fault rule " + id);
            }
            publish(next);
        }
    }

    /** Removes every rule; says how many there were. */
    public int clear() {
        synchronized (writeLock) {
            int count = all.length;
            publish(List.of());
            return count;
        }
    }

    /** The rule that takes this Open API call, if any; {@code appId} is null before authentication. */
    public Optional<FaultRule> openApi(String appId, String method, String path) {
        var rules = openApi;
        if (rules.length == 0) {
            return Optional.empty();
        }
        long now = clock.millis();
        for (var rule : rules) {
            if (!rule.expired(now) && rule.matchesApp(appId) && rule.matchesCall(method, path) && rule.fire()) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    @Override
    public <R> R push(long appPk, Supplier<R> push, Function<String, R> dropped) {
        var rules = delivery;
        if (rules.length == 0) {
            return push.get();
        }
        long now = clock.millis();
        long holdMs = 0;
        boolean duplicate = false;
        for (var rule : rules) {
            if (rule.expired(now) || !rule.matchesApp(appPk) || !rule.fire()) {
                continue;
            }
            switch (rule.action()) {
                case DROP -> {
                    return dropped.apply("dropped by fault rule " + rule.id());
                }
                case DUPLICATE -> duplicate = true;
                case DELAY -> holdMs += rule.latencyMs();
                case REORDER -> holdMs += ThreadLocalRandom.current().nextLong(rule.windowMs() + 1);
                default -> {}
            }
        }
        hold(holdMs);
        if (duplicate) {
            push.get();
        }
        return push.get();
    }

    @Override
    public boolean answersPings(long appPk) {
        var rules = longConnection;
        if (rules.length == 0) {
            return true;
        }
        long now = clock.millis();
        for (var rule : rules) {
            if (rule.action() == FaultAction.IGNORE_PINGS
                    && !rule.expired(now)
                    && rule.matchesApp(appPk)
                    && rule.fire()) {
                return false;
            }
        }
        return true;
    }

    /** Holds the calling thread (a request or a push worker); rules cap this at a minute. */
    public static void hold(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<FaultRule> live(long now) {
        return Arrays.stream(all).filter(r -> !r.expired(now)).toList();
    }

    private void publish(List<FaultRule> rules) {
        all = rules.toArray(NONE);
        openApi = only(rules, FaultAction.FaultKind.OPEN_API);
        delivery = only(rules, FaultAction.FaultKind.DELIVERY);
        longConnection = only(rules, FaultAction.FaultKind.LONG_CONNECTION);
    }

    private static FaultRule[] only(List<FaultRule> rules, FaultAction.FaultKind kind) {
        return rules.stream().filter(r -> r.action().kind() == kind).toArray(FaultRule[]::new);
    }
}
