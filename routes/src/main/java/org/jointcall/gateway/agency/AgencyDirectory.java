package org.jointcall.gateway.agency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The partner agencies this gateway exchanges with, read once at startup from
 * {@code agencies/<CODE>/agency.json}. A directory without {@code agency.json} is an error rather
 * than an agency with defaults: a half-configured partner should stop the start, not receive nothing.
 *
 * <p>Codes are looked up ignoring case, so {@code /api/v1/exchange/nsf/…} and {@code …/NSF/…} name
 * the same agency.
 */
@ApplicationScoped
public class AgencyDirectory {

    private Map<String, Agency> byCode;

    /** For the CDI proxy only. */
    protected AgencyDirectory() {
    }

    @Inject
    public AgencyDirectory(ConfigDirectory config) {
        this(read(config.agencies()));
    }

    public AgencyDirectory(Collection<Agency> agencies) {
        Map<String, Agency> map = new TreeMap<>();
        for (Agency agency : agencies) {
            if (map.putIfAbsent(agency.code().code(), agency) != null) {
                throw new IllegalArgumentException("agency " + agency.code() + " is configured twice");
            }
        }
        this.byCode = Map.copyOf(map);
    }

    /** Every {@code <CODE>/agency.json} under {@code agenciesDirectory}. */
    public static List<Agency> read(Path agenciesDirectory) {
        List<Agency> agencies = new ArrayList<>();
        if (!Files.isDirectory(agenciesDirectory)) {
            return agencies;
        }
        try (Stream<Path> entries = Files.list(agenciesDirectory)) {
            for (Path directory : entries.filter(Files::isDirectory).sorted().toList()) {
                if (directory.getFileName().toString().startsWith(".")) {
                    continue;
                }
                Path file = directory.resolve(AgencyFile.NAME);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException(directory + " has no " + AgencyFile.NAME
                            + "; every agency directory needs one, e.g. {\"agency\":\"" + directory.getFileName() + "\",\"mode\":\"pull\"}");
                }
                agencies.add(AgencyFile.read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + agenciesDirectory + ": " + e.getMessage(), e);
        }
        return agencies;
    }

    /** The agency with this code, in any case. */
    public Optional<Agency> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
    }

    /** Every configured agency, ordered by code. */
    public List<Agency> all() {
        return List.copyOf(new TreeMap<>(byCode).values());
    }
}
