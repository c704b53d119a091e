package dev.larkspur.admin;

import dev.larkspur.directory.AppOwners;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.NewApp;
import dev.larkspur.directory.NewUser;
import dev.larkspur.directory.PasswordService;
import dev.larkspur.directory.RedirectUris;
import dev.larkspur.directory.TenantService;
import dev.larkspur.directory.UserService;
import dev.larkspur.event.EventSettings;
import dev.larkspur.event.EventSettingsService;
import dev.larkspur.platform.Ids;
import dev.larkspur.platform.LarkspurProperties;
import dev.larkspur.platform.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo tenant a fresh server starts with: one bot app holding every IM scope, in long-connection
 * mode so that an SDK's ws client pointed at it gets events with no further set-up, and a handful of
 * people, who share one generated web sign-in password. Its credentials go to the log and to
 * {@code demo-credentials.txt} in the data directory, since the secret and the password are stored
 * only hashed and could not be shown again otherwise.
 */
@Component
class DemoTenant {
    private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);
    static final String TENANT_KEY = "d3m0d3m0d3m0d3m0";
    /** Where the demo bot may send a person back from Feishu's OAuth page (V16 adds it to older data). */
    static final String OAUTH_REDIRECT_URI = "http://localhost:8080/oauth-demo/callback";

    private static final List<NewUser> PEOPLE = List.of(
            new NewUser("Alice Chen", "Alice Chen", "alice@demo.larkspur.dev", "13800000001", "alice", List.of("eng")),
            new NewUser("Bob Li", "Bob Li", "bob@demo.larkspur.dev", "13800000002", "bob", List.of("eng")),
            new NewUser("Carol Wang", "Carol Wang", "carol@demo.larkspur.dev", "13800000003", "carol", List.of("ops")),
            new NewUser("Dave Zhang", "Dave Zhang", "dave@demo.larkspur.dev", "13800000004", "dave", List.of("ops")),
            new NewUser("Erin Liu", "Erin Liu", "erin@demo.larkspur.dev", "+14155550105", "erin", List.of()));

    private final TenantService tenants;
    private final AppService apps;
    private final UserService users;
    private final EventSettingsService eventSettings;
    private final RedirectUris redirectUris;
    private final PasswordService passwords;
    private final AppOwners owners;
    private final Path credentialsFile;

    DemoTenant(
            TenantService tenants,
            AppService apps,
            UserService users,
            EventSettingsService eventSettings,
            RedirectUris redirectUris,
            PasswordService passwords,
            AppOwners owners,
            LarkspurProperties props) {
        this.tenants = tenants;
        this.apps = apps;
        this.users = users;
        this.eventSettings = eventSettings;
        this.redirectUris = redirectUris;
        this.passwords = passwords;
        this.owners = owners;
        this.credentialsFile = props.dataDir().resolve("demo-credentials.txt");
    }

    @Transactional
    void create() {
        tenants.create(TENANT_KEY, "Larkspur Demo");
        users.ensureDepartment(TENANT_KEY, "eng", "Engineering");
        users.ensureDepartment(TENANT_KEY, "ops", "Operations");
        PEOPLE.forEach(p -> users.create(TENANT_KEY, p));
        var created = apps.create(TENANT_KEY, new NewApp("Demo Bot", null, null, null, true));
        eventSettings.configure(
                created.app(), new EventSettingsService.Change(EventSettings.WEBSOCKET, null, null, null, null));
        redirectUris.replace(created.app().appId(), List.of(OAUTH_REDIRECT_URI));
        // Alice owns the demo bot, so it may join her groups by the legacy bot/v4/add.
        owners.setOwner(created.app().appId(), "alice");
        String text = "app_id=" + created.app().appId() + "\napp_secret=" + created.appSecret() + "\ntenant_key="
                + TENANT_KEY + "\n" + webPasswordLine();
        PrivateFiles.write(credentialsFile, text);
        log.info(
                "Demo tenant created; its credentials are kept in {} (shown here once):\n{}\n"
                        + "Open the web client at / and sign in as alice@demo.larkspur.dev"
                        + " (or bob, carol, dave, erin) with the web_password.",
                credentialsFile,
                text.strip());
    }

    /** Gives the demo people one new password and returns the credentials-file line that shows it. */
    private String webPasswordLine() {
        String password = Ids.secret().substring(0, 16);
        passwords.setForAll(
                PEOPLE.stream()
                        .flatMap(p -> users.findByUserId(TENANT_KEY, p.userId()).stream())
                        .toList(),
                password);
        return "web_password=" + password + "\n";
    }

    /**
     * Says where the demo credentials are, without printing them again (they were shown when the
     * tenant was created). A demo tenant made before people had passwords gets its web password now.
     */
    @Transactional
    void announce() {
        if (!Files.exists(credentialsFile) || tenants.find(TENANT_KEY).isEmpty()) {
            return;
        }
        try {
            if (!Files.readString(credentialsFile).contains("web_password=")) {
                PrivateFiles.append(credentialsFile, webPasswordLine());
            }
            log.info(
                    "Demo tenant ready: its app credentials and web password are in {}. Open the web client at /"
                            + " and sign in as alice@demo.larkspur.dev.",
                    credentialsFile);
        } catch (IOException e) {
            log.warn("cannot read {}", credentialsFile, e);
        }
    }
}
