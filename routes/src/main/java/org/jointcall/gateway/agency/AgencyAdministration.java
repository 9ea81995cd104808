package org.jointcall.gateway.agency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.signature.keys.KeyFileException;
import org.jointcall.signature.keys.RegisteredKey;

/**
 * Changing the agencies at runtime (the admin API): an {@code agency.json} or a public key file is
 * checked by the same code that reads the configuration directory at startup, written into that
 * directory atomically — so the files stay the one source of truth — and put in service at once on
 * this instance; other instances read the directory again within {@code gateway.config.recheck-period}.
 * A document that does not pass is refused with everything wrong in it, and nothing is written.
 */
@ApplicationScoped
public class AgencyAdministration {

    /** An agency as configured: its {@code agency.json} and the names of its key files. */
    public record Configured(Agency agency, List<String> keyFiles) {
    }

    /** What a PUT did: {@code created} when there was nothing before. */
    public record Change<T>(boolean created, T result) {
    }

    private static final Pattern KEY_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ConfigDirectory config;
    private AgencyDirectory agencies;
    private PartnerKeys keys;

    /** For the CDI proxy only. */
    protected AgencyAdministration() {
    }

    @Inject
    public AgencyAdministration(ConfigDirectory config, AgencyDirectory agencies, PartnerKeys keys) {
        this.config = config;
        this.agencies = agencies;
        this.keys = keys;
    }

    public List<Configured> list() {
        return agencies.all().stream().map(this::configured).toList();
    }

    public Optional<Configured> find(String code) {
        return agencies.find(code).map(this::configured);
    }

    /**
     * Creates or replaces the {@code agency.json} of {@code code}.
     *
     * @throws ConfigurationRejected when the code or the document is not valid; nothing is written then
     */
    public Change<Configured> put(String code, byte[] document) throws IOException {
        String directory = directoryOf(code);
        Agency agency = AgencyFile.parse(document, directory, "agency.json of " + directory);
        Path file = config.agencies().resolve(directory).resolve(AgencyFile.NAME);
        boolean created = !Files.exists(file);
        Files.createDirectories(file.getParent().resolve(PartnerKeys.KEYS));
        config.writeAtomically(file, document);
        agencies.reload();
        keys.reloadNow();
        return new Change<>(created, configured(agency));
    }

    /**
     * Creates or replaces the key file {@code fileName} of agency {@code code}.
     *
     * @return the keys the file registers; empty when there is no agency {@code code}
     * @throws ConfigurationRejected when the file name or content is not a usable key file; nothing is written then
     */
    public Optional<Change<List<RegisteredKey>>> putKey(String code, String fileName, byte[] content) throws IOException {
        Optional<Agency> agency = agencies.find(code);
        if (agency.isEmpty()) {
            return Optional.empty();
        }
        String source = agency.get().code() + "/keys/" + fileName;
        if (fileName == null || !KEY_FILE.matcher(fileName).matches()) {
            throw new ConfigurationRejected(source, List.of("a key file name is letters, digits, '.', '_' and '-' and ends in"
                    + " .jwks, .json, .pem, .crt or .cer, e.g. nsf-2027.jwks"));
        }
        List<RegisteredKey> registered;
        try {
            registered = keys.check(agency.get(), fileName, content);
        } catch (KeyFileException e) {
            throw new ConfigurationRejected(source, List.of(e.getMessage()), e);
        }
        Path file = keyFolder(agency.get()).resolve(fileName);
        boolean created = !Files.exists(file);
        config.writeAtomically(file, content);
        keys.reloadNow();
        return Optional.of(new Change<>(created, registered));
    }

    /** {@code code} as its directory name: an agency code, in capitals (so never a path). */
    private static String directoryOf(String code) {
        try {
            String canonical = AgencyId.of(code == null ? "" : code.toUpperCase(Locale.ROOT)).code();
            if (!canonical.equals(code)) {
                throw new ConfigurationRejected("agency " + code, List.of("agency codes are written in capitals: " + canonical));
            }
            return canonical;
        } catch (ContractViolation | IllegalArgumentException e) {
            if (e instanceof ConfigurationRejected rejected) {
                throw rejected;
            }
            throw new ConfigurationRejected("agency " + code, List.of("not an agency code: " + e.getMessage()), e);
        }
    }

    private Path keyFolder(Agency agency) {
        return config.agencies().resolve(agency.code().code()).resolve(PartnerKeys.KEYS);
    }

    private Configured configured(Agency agency) {
        Path folder = keyFolder(agency);
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                entries.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith(".") && !name.endsWith("~"))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        return new Configured(agency, files);
    }
}
