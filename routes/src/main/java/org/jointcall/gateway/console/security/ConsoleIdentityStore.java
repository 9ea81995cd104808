package org.jointcall.gateway.console.security;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Jakarta Security's view of {@link ConsoleUsers}: a user name and password become a caller with role groups. */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @Inject
    ConsoleUsers users;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Optional<Set<ConsoleRole>> roles;
        try {
            roles = users.verify(credential.getCaller(), credential.getPasswordAsString());
        } catch (SQLException e) {
            // NOT_VALIDATED rather than INVALID: the password may be right, the database is what failed.
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return roles.map(granted -> new CredentialValidationResult(credential.getCaller(),
                        granted.stream().map(ConsoleRole::roleName).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
