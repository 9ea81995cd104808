package org.jointcall.gateway.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.binding.InvalidMessageException;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.gateway.agency.ConfigurationRejected;

/**
 * Joint call definitions as files ({@code calls/*.xml} in the configuration directory): the one
 * validator of a definition, whether it is read at startup or sent to the admin API — the canonical
 * JointCall schema, then the checks {@link CallTerms} makes (deadlines in order, caps, participants).
 */
public final class CallDefinitions {

    private static final CanonicalCodec CODEC = new CanonicalCodec();

    private CallDefinitions() {
    }

    /**
     * The call {@code xml} defines, checked.
     *
     * @param source what to call the document in messages (its file, or the API request)
     * @throws ConfigurationRejected listing what is wrong
     */
    public static JointCall parse(byte[] xml, String source) {
        try {
            JointCall call = CODEC.callFromXml(xml);
            CallTerms.of(call);
            return call;
        } catch (InvalidMessageException e) {
            throw new ConfigurationRejected(source, e.problems().stream().map(Object::toString).toList(), e);
        } catch (ContractViolation e) {
            throw new ConfigurationRejected(source, List.of(e.getMessage()), e);
        }
    }

    /** Every definition in {@code directory} by file, checked; none if the directory does not exist. */
    public static Map<Path, JointCall> read(Path directory) {
        Map<Path, JointCall> definitions = new TreeMap<>();
        for (Path file : files(directory)) {
            definitions.put(file, parse(bytes(file), file.toString()));
        }
        return definitions;
    }

    /**
     * The file that defines {@code callId}, if one does; files that do not read are passed over, so that
     * one broken file does not hide the others.
     */
    public static Optional<Path> fileOf(Path directory, String callId) {
        for (Path file : files(directory)) {
            try {
                if (parse(bytes(file), file.toString()).getCallId().equals(callId)) {
                    return Optional.of(file);
                }
            } catch (ConfigurationRejected | UncheckedIOException unreadable) {
                // not this one
            }
        }
        return Optional.empty();
    }

    /** The file name a new definition of {@code callId} gets: the id with anything but letters, digits, '.', '_' and '-' as '_'. */
    public static String fileName(String callId) {
        return callId.replaceAll("[^A-Za-z0-9._-]", "_") + ".xml";
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.xml")) {
            List<Path> sorted = new java.util.ArrayList<>();
            files.forEach(sorted::add);
            sorted.removeIf(file -> file.getFileName().toString().startsWith("."));
            sorted.sort(null);
            return sorted;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read joint call definitions in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read joint call definition " + file + ": " + e.getMessage(), e);
        }
    }
}
