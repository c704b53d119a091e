package dev.larkspur.event;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larkspur.directory.App;
import dev.larkspur.directory.AppChanged;
import dev.larkspur.directory.AppService;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Apps as fan-out and delivery read them, once a second at most rather than once per delivery.
 * Every change of what they read (name, bot ability, scopes: the admin API, the console and the
 * seed all change them through {@link AppService#update}) drops the copies here once it commits;
 * another instance's change is seen within {@link #FRESH}. An app not found is not remembered, so a
 * new app is seen at once.
 */
@Component
class EventApps {
    static final Duration FRESH = Duration.ofSeconds(1);
    private final AppService apps;
    private final Cache<Long, App> byPk =
            Caffeine.newBuilder().expireAfterWrite(FRESH).maximumSize(10_000).build();

    EventApps(AppService apps) {
        this.apps = apps;
    }

    Optional<App> findByPk(long pk) {
        var app = byPk.getIfPresent(pk);
        if (app != null) {
            return Optional.of(app);
        }
        var found = apps.findByPk(pk);
        found.ifPresent(a -> byPk.put(pk, a));
        return found;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAppChanged(AppChanged change) {
        byPk.invalidateAll();
    }
}
