package org.jointcall.gateway.console.security;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The {@code console_user} table: creating users, checking their passwords, changing them. Passwords
 * are hashed by Jakarta Security's {@link Pbkdf2PasswordHash} (PBKDF2WithHmacSHA256, {@value #ITERATIONS}
 * iterations, OWASP's 2023 figure, 32-byte salt); the gateway has no cryptography of its own here.
 *
 * <p>Also what the demo mode calls to create its demo users ({@link #create}).
 */
@ApplicationScoped
public class ConsoleUsers {

    static final int ITERATIONS = 210_000;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    DataSource dataSource;

    /**
     * Hash of a password nobody has: unknown users cost as much time as wrong passwords. Made at the first unknown user,
     * not at startup, where 210,000 PBKDF2 rounds in code not yet compiled took seconds of the boot's main thread.
     */
    private volatile String decoy;

    @PostConstruct
    void configureHash() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    private String decoy() {
        String made = decoy;
        if (made == null) {
            // Two first requests may both make one; either serves.
            made = hash.generate(java.util.UUID.randomUUID().toString().toCharArray());
            decoy = made;
        }
        return made;
    }

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException naming what is wrong: user name format, password policy, no role,
     *     or a user of that name exists
     */
    public ConsoleUser create(String username, String password, Collection<ConsoleRole> roles) throws SQLException {
        checkUsername(username);
        checkPassword(username, password);
        Set<ConsoleRole> granted = checkRoles(roles);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO console_user (username, password_hash, roles)"
                     + " VALUES (?, ?, ?) ON CONFLICT (username) DO NOTHING RETURNING created_at")) {
            insert.setString(1, username);
            insert.setString(2, hash.generate(password.toCharArray()));
            insert.setArray(3, roleArray(connection, granted));
            try (ResultSet row = insert.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("a user named '" + username + "' already exists");
                }
                return new ConsoleUser(username, granted, row.getObject(1, OffsetDateTime.class));
            }
        }
    }

    /**
     * Changes a user's password and/or roles (an empty argument keeps what is stored).
     *
     * @return false if there is no such user
     */
    public boolean update(String username, Optional<String> password, Optional<Collection<ConsoleRole>> roles) throws SQLException {
        password.ifPresent(p -> checkPassword(username, p));
        Optional<Set<ConsoleRole>> granted = roles.map(ConsoleUsers::checkRoles);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE console_user SET"
                     + " password_hash = coalesce(?, password_hash), roles = coalesce(?, roles), updated_at = now()"
                     + " WHERE username = ?")) {
            update.setString(1, password.map(p -> hash.generate(p.toCharArray())).orElse(null));
            update.setArray(2, granted.isPresent() ? roleArray(connection, granted.get()) : null);
            update.setString(3, username);
            return update.executeUpdate() == 1;
        }
    }

    /** The user's roles if {@code password} is theirs; empty for an unknown user or a wrong password alike. */
    public Optional<Set<ConsoleRole>> verify(String username, String password) throws SQLException {
        if (username == null || password == null || password.length() > PasswordPolicy.MAX_LENGTH * 4) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT password_hash, roles FROM console_user WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    hash.verify(password.toCharArray(), decoy());
                    return Optional.empty();
                }
                if (!hash.verify(password.toCharArray(), row.getString(1))) {
                    return Optional.empty();
                }
                return Optional.of(roles(row.getArray(2)));
            }
        }
    }

    public List<ConsoleUser> list() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT username, roles, created_at FROM console_user ORDER BY username");
             ResultSet row = query.executeQuery()) {
            List<ConsoleUser> users = new ArrayList<>();
            while (row.next()) {
                users.add(new ConsoleUser(row.getString(1), roles(row.getArray(2)), row.getObject(3, OffsetDateTime.class)));
            }
            return users;
        }
    }

    public boolean anyExists() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM console_user)");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("user name '" + username + "' must be 2 to 64 characters of a-z, 0-9, '.', '_', '-',"
                    + " starting with a letter or digit");
        }
    }

    private static void checkPassword(String username, String password) {
        PasswordPolicy.problemWith(username, password).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    private static Set<ConsoleRole> checkRoles(Collection<ConsoleRole> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role: coordinator, administrator or auditor");
        }
        return EnumSet.copyOf(roles);
    }

    private static Array roleArray(Connection connection, Set<ConsoleRole> roles) throws SQLException {
        return connection.createArrayOf("text", roles.stream().map(ConsoleRole::roleName).toArray());
    }

    private static Set<ConsoleRole> roles(Array column) throws SQLException {
        Set<ConsoleRole> roles = EnumSet.noneOf(ConsoleRole.class);
        for (String name : (String[]) column.getArray()) {
            roles.add(ConsoleRole.named(name));
        }
        return roles;
    }
}
