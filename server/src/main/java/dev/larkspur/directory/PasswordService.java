package dev.larkspur.directory;

import dev.larkspur.directory.internal.PasswordRepository;
import dev.larkspur.directory.internal.TenantRepository;
import dev.larkspur.directory.internal.UserRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's sign-in passwords for the web client, stored as bcrypt hashes (salted, slow on purpose).
 *
 * <p>Sign-in names a person by email alone, but an email is unique only within a tenant. When
 * several people in different tenants share an email, the password is tried against each of them
 * that has one, oldest account first, and the first match signs in: an operator who gives the same
 * address the same password in two tenants gets the older account. At most 20 accounts are tried.
 */
@Service
public class PasswordService {
    /** Below this a password is refused; bcrypt reads at most 72 bytes, so longer ones are too. */
    static final int MIN_LENGTH = 8;

    static final int MAX_BYTES = 72;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    private final PasswordRepository passwords;
    private final UserRepository users;
    private final TenantRepository tenants;
    private final UserService userService;
    private final Clock clock;
    // Checked when no account matches the email, so that a miss costs what a wrong password costs
    // and the answer's timing does not tell which emails exist. Made on first use: it costs a hash.
    private volatile String decoyHash;

    PasswordService(
            PasswordRepository passwords,
            UserRepository users,
            TenantRepository tenants,
            UserService userService,
            Clock clock) {
        this.passwords = passwords;
        this.users = users;
        this.tenants = tenants;
        this.userService = userService;
        this.clock = clock;
    }

    /** A person who signed in, with their tenant. */
    public record SignInMatch(User user, Tenant tenant) {}

    /** Creates a person with a password in one transaction; a null password creates one without. */
    @Transactional
    public User createUser(String tenantKey, NewUser spec, String password) {
        if (password != null) {
            validate(password);
        }
        var user = userService.create(tenantKey, spec);
        if (password != null) {
            passwords.put(user.pk(), encoder.encode(password), clock.millis());
        }
        return user;
    }

    /** Sets (or resets) a person's password. */
    @Transactional
    public void set(String tenantKey, String userId, String password) {
        var user = userService
                .findByUserId(tenantKey, userId)
                .orElseThrow(() -> DirectoryErrors.notFound("user " + userId));
        set(user, password);
    }

    @Transactional
    public void set(User user, String password) {
        validate(password);
        passwords.put(user.pk(), encoder.encode(password), clock.millis());
    }

    /** One password for several people, hashed once (the demo tenant's people share one). */
    @Transactional
    public void setForAll(Collection<User> people, String password) {
        validate(password);
        String hash = encoder.encode(password);
        people.forEach(u -> passwords.put(u.pk(), hash, clock.millis()));
    }

    /** For seed files applied at every start: leaves the hash alone when the password still matches. */
    @Transactional
    public void ensure(User user, String password) {
        var current = passwords.hash(user.pk());
        if (current.isEmpty() || !encoder.matches(password, current.get())) {
            set(user, password);
        }
    }

    /** The person with this email and password, if any; resigned people cannot sign in. */
    public Optional<SignInMatch> authenticate(String email, String password) {
        String normalized = Emails.normalize(email);
        if (normalized == null || normalized.isEmpty() || password == null || tooLong(password)) {
            encoder.matches("", decoy());
            return Optional.empty();
        }
        boolean checked = false;
        for (var user : users.findByEmailInAnyTenant(normalized)) {
            var hash = passwords.hash(user.pk());
            if (user.resigned() || hash.isEmpty()) {
                continue;
            }
            checked = true;
            if (encoder.matches(password, hash.get())) {
                return tenants.findByPk(user.tenantPk()).map(t -> new SignInMatch(user, t));
            }
        }
        if (!checked) {
            encoder.matches(password, decoy());
        }
        return Optional.empty();
    }

    private String decoy() {
        if (decoyHash == null) {
            decoyHash = encoder.encode("larkspur-decoy-password");
        }
        return decoyHash;
    }

    private static void validate(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw DirectoryErrors.invalid("password must have at least " + MIN_LENGTH + " characters");
        }
        if (tooLong(password)) {
            throw DirectoryErrors.invalid("password must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
