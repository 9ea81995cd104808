package org.jointcall.signature.keys;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.encoders.Hex;

/**
 * Partner keys from a directory with one sub-directory per agency, reloaded when the files change.
 *
 * <pre>
 * keys/
 *   nsf/   nsf.jwks.json            (JWKS: *.jwks or *.json)
 *   ukri/  ukri-2026-a.pem          (public key or certificate: *.pem, *.crt, *.cer; see PemKeyFile)
 * </pre>
 *
 * <p>Hot reload is a content check rather than a file watcher: at most once per
 * {@code recheckInterval}, a lookup hashes every file (key directories are a few kilobytes) and, if
 * anything changed, parses the whole directory into a new snapshot. Hashing contents instead of
 * comparing modification times also catches a rewrite within the file system's timestamp
 * resolution. A reload that fails keeps the previous snapshot in service and is reported through
 * {@link #lastReloadProblem()} and the log; opening the registry, by contrast, fails outright.
 * Hidden files and editor backups ({@code .name}, {@code name~}) are skipped; any other file with an
 * unexpected extension is an error.
 *
 * <p>The agencies' folders can also be given as a map from agency to folder, asked again on every
 * check ({@link #open(Supplier, String, Clock, Duration)}): an agency added at runtime is then read
 * on the next check like a changed file, and its folder may live anywhere (a missing one holds no keys).
 */
public final class FileKeyRegistry implements KeyRegistry {

    private static final System.Logger LOG = System.getLogger(FileKeyRegistry.class.getName());

    private final Supplier<Map<String, Path>> folders;
    private final String description;
    private final Clock clock;
    private final Duration recheckInterval;
    private volatile Snapshot snapshot;
    private volatile Instant lastCheck;
    private volatile String lastReloadProblem;

    private FileKeyRegistry(Supplier<Map<String, Path>> folders, String description, Clock clock, Duration recheckInterval) {
        this.folders = folders;
        this.description = description;
        this.clock = clock;
        this.recheckInterval = recheckInterval;
        this.snapshot = load(readAll(folders.get()));
        this.lastCheck = clock.instant();
    }

    /**
     * Loads every agency directory under {@code directory}.
     *
     * @param recheckInterval how long a lookup trusts the loaded keys before checking the files again
     * @throws KeyFileException when any file is unusable or a key id occurs twice
     */
    public static FileKeyRegistry open(Path directory, Clock clock, Duration recheckInterval) {
        Objects.requireNonNull(directory, "key directory");
        if (!Files.isDirectory(directory)) {
            throw new KeyFileException("key directory " + directory.toAbsolutePath() + " does not exist or is not a directory");
        }
        return open(() -> agencyDirectories(directory), directory.toString(), clock, recheckInterval);
    }

    /**
     * Loads the key folder of every agency {@code folders} names (agency → folder; a folder that does
     * not exist holds no keys), asking {@code folders} again on every check.
     *
     * @param description where the folders are, for log lines
     * @throws KeyFileException when any file is unusable or a key id occurs twice
     */
    public static FileKeyRegistry open(Supplier<Map<String, Path>> folders, String description, Clock clock, Duration recheckInterval) {
        Objects.requireNonNull(folders, "key folders");
        if (recheckInterval.isNegative()) {
            throw new IllegalArgumentException("recheck interval " + recheckInterval + " must not be negative");
        }
        return new FileKeyRegistry(folders, description, Objects.requireNonNull(clock, "clock"), recheckInterval);
    }

    /**
     * The keys one key file would register for {@code agency}, checked exactly as a reload checks it.
     *
     * @param fileName decides the format: {@code *.jwks}/{@code *.json} is a JWKS, {@code *.pem}/{@code *.crt}/{@code *.cer} PEM
     * @throws KeyFileException naming {@code source} and what is wrong
     */
    public static List<RegisteredKey> readKeyFile(String agency, String fileName, byte[] content, String source) {
        if (!keyFileName(fileName)) {
            throw new KeyFileException(source + ": unexpected entry; key files end in .jwks, .json, .pem, .crt or .cer");
        }
        return load(List.of(new KeyFile(agency, fileName, source, content))).keys.keys();
    }

    @Override
    public Optional<RegisteredKey> find(String keyId) {
        reloadIfDue();
        return snapshot.keys.find(keyId);
    }

    @Override
    public List<RegisteredKey> keys() {
        reloadIfDue();
        return snapshot.keys.keys();
    }

    /**
     * Checks the files now and swaps in new keys if they changed.
     *
     * @return whether a new snapshot is in service
     */
    public synchronized boolean reloadIfChanged() {
        lastCheck = clock.instant();
        try {
            List<KeyFile> files = readAll(folders.get());
            if (fingerprint(files).equals(snapshot.fingerprint)) {
                lastReloadProblem = null;
                return false;
            }
            Snapshot fresh = load(files);
            snapshot = fresh;
            lastReloadProblem = null;
            LOG.log(Level.INFO, "Reloaded {0} partner keys from {1}", fresh.keys.keys().size(), description);
            return true;
        } catch (KeyFileException | IllegalArgumentException e) {
            String problem = String.valueOf(e.getMessage());
            if (!problem.equals(lastReloadProblem)) {
                LOG.log(Level.WARNING, "Key files in {0} changed but cannot be loaded; keeping the previous keys: {1}", description, problem);
            }
            lastReloadProblem = problem;
            return false;
        }
    }

    /** Why the last reload attempt failed, while the keys loaded before it stay in service. */
    public Optional<String> lastReloadProblem() {
        return Optional.ofNullable(lastReloadProblem);
    }

    private void reloadIfDue() {
        if (!clock.instant().isBefore(lastCheck.plus(recheckInterval))) {
            reloadIfChanged();
        }
    }

    private static Snapshot load(List<KeyFile> files) {
        List<RegisteredKey> keys = new ArrayList<>();
        for (KeyFile file : files) {
            String lower = file.name.toLowerCase(Locale.ROOT);
            try {
                String agency = AgencyCode.require(file.agency);
                if (lower.endsWith(".jwks") || lower.endsWith(".json")) {
                    keys.addAll(JwksReader.read(agency, file.content, file.source));
                } else {
                    keys.add(PemKeyFile.read(agency, file.name, new String(file.content, StandardCharsets.US_ASCII), file.source));
                }
            } catch (IllegalArgumentException e) {
                throw new KeyFileException(file.source + ": " + e.getMessage(), e);
            }
        }
        return new Snapshot(fingerprint(files), KeySet.of(keys));
    }

    private static List<KeyFile> readAll(Map<String, Path> folders) {
        List<KeyFile> files = new ArrayList<>();
        folders.forEach((agency, folder) -> {
            for (Path file : keyFiles(agency, folder)) {
                files.add(new KeyFile(agency, file.getFileName().toString(), agency + "/" + file.getFileName(), read(file)));
            }
        });
        return files;
    }

    /** The sub-directories of {@code directory}, named after their agency. */
    private static Map<String, Path> agencyDirectories(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new KeyFileException("key directory " + directory.toAbsolutePath() + " does not exist or is not a directory");
        }
        Map<String, Path> folders = new LinkedHashMap<>();
        for (Path agencyDirectory : list(directory)) {
            if (ignored(agencyDirectory)) {
                continue;
            }
            if (!Files.isDirectory(agencyDirectory)) {
                throw new KeyFileException(directory.relativize(agencyDirectory)
                        + ": key files belong in a directory named after the agency, e.g. nsf/" + agencyDirectory.getFileName());
            }
            folders.put(agencyDirectory.getFileName().toString(), agencyDirectory);
        }
        return folders;
    }

    private static List<Path> keyFiles(String agency, Path folder) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        for (Path file : list(folder)) {
            if (ignored(file)) {
                continue;
            }
            if (!Files.isRegularFile(file) || !keyFileName(file.getFileName().toString())) {
                throw new KeyFileException(agency + "/" + file.getFileName()
                        + ": unexpected entry; key files end in .jwks, .json, .pem, .crt or .cer");
            }
            files.add(file);
        }
        return files;
    }

    private static boolean keyFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jwks") || lower.endsWith(".json") || lower.endsWith(".pem") || lower.endsWith(".crt") || lower.endsWith(".cer");
    }

    private static boolean ignored(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.endsWith("~");
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new KeyFileException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String fingerprint(List<KeyFile> files) {
        SHA256Digest digest = new SHA256Digest();
        for (KeyFile file : files) {
            byte[] name = file.source.getBytes(StandardCharsets.UTF_8);
            digest.update(name, 0, name.length);
            digest.update((byte) 0);
            digest.update(file.content, 0, file.content.length);
            digest.update((byte) 0);
        }
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return Hex.toHexString(hash);
    }

    @Override
    public String toString() {
        return "key files in " + description;
    }

    private static final class Snapshot {
        private final String fingerprint;
        private final KeySet keys;

        private Snapshot(String fingerprint, KeySet keys) {
            this.fingerprint = fingerprint;
            this.keys = keys;
        }
    }

    private static final class KeyFile {
        private final String agency;
        private final String name;
        private final String source;
        private final byte[] content;

        private KeyFile(String agency, String name, String source, byte[] content) {
            this.agency = agency;
            this.name = name;
            this.source = source;
            this.content = content;
        }
    }
}
