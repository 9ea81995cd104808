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
 * The partner agencies this gateway exchanges with, read at startup from
 * {@code agencies/<CODE>/agency.json}. A directory without {@code agency.json} is an error rather
 * than an agency with defaults: a half-configured partner should stop the start, not receive nothing.
 * {@link #reload()} reads the directory again (after the admin API wrote to it, or when another
 * instance did); a directory that no longer reads keeps the agencies known before in service.
 *
 * <p>Codes are looked up ignoring case, so {@code /api/v1/exchange/nsf/…} and {@code …/NSF/…} name
 * the same agency.
 */
@ApplicationScoped
public class AgencyDirectory {

    private volatile Map<String, Agency> byCode;
    private ConfigDirectory config;

    /** For the CDI proxy only. */
    protected AgencyDirectory() {
    }

    @Inject
    public AgencyDirectory(ConfigDirectory config) {
        this(read(config.agencies()));
        this.config = config;
    }

    public AgencyDirectory(Collection<Agency> agencies) {
        this.byCode = byCode(agencies);
    }

    private static Map<String, Agency> byCode(Collection<Agency> agencies) {
        Map<String, Agency> map = new TreeMap<>();
        for (Agency agency : agencies) {
            if (map.putIfAbsent(agency.code().code(), agency) != null) {
                throw new IllegalArgumentException("agency " + agency.code() + " is configured twice");
            }
        }
        return Map.copyOf(map);
    }

    /**
     * Reads the configuration directory again and serves what it says from now on.
     *
     * @return whether anything changed
     * @throws ConfigurationRejected (or IllegalArgumentException) when the directory does not read; the agencies known before stay
     */
    public synchronized boolean reload() {
        if (config == null) {
            throw new IllegalStateException("this agency directory was given its agencies, it has no configuration directory to reload");
        }
        Map<String, Agency> fresh = byCode(read(config.agencies()));
        boolean changed = !fresh.equals(byCode);
        byCode = fresh;
        return changed;
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
