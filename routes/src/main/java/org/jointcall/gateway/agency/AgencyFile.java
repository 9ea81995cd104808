package org.jointcall.gateway.agency;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.contracts.identifier.AgencyId;

/**
 * Reads one {@code agency.json}. Strict on purpose: an unknown member is more likely a typo
 * ({@code "endpiont"}) than something to ignore, and the code inside must name the directory it sits
 * in, so a copied folder cannot silently speak for the agency it was copied from.
 */
final class AgencyFile {

    static final String NAME = "agency.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> MEMBERS = Set.of("agency", "mode", "endpoint", "receiptRequired", "statusEndpoint");

    private AgencyFile() {
    }

    static Agency read(Path file) {
        String directory = file.getParent().getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": unreadable: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": must be a JSON object such as"
                    + " {\"agency\":\"NSF\",\"mode\":\"push\",\"endpoint\":\"https://…/inbound\",\"receiptRequired\":true}");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException(file + ": unknown member \"" + name + "\"; expected " + MEMBERS);
            }
        });
        String code = text(root, "agency", file);
        if (!code.equals(directory)) {
            throw new IllegalArgumentException(file + ": \"agency\" is " + code + " but the file is in the directory of " + directory);
        }
        try {
            return new Agency(AgencyId.of(code), mode(text(root, "mode", file), file), uri(root, "endpoint", file),
                    root.path("receiptRequired").asBoolean(true), uri(root, "statusEndpoint", file));
        } catch (ContractViolation | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static DeliveryMode mode(String mode, Path file) {
        try {
            return DeliveryMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": \"mode\" is \"" + mode + "\", expected \"push\" or \"pull\"", e);
        }
    }

    private static URI uri(JsonNode root, String member, Path file) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return new URI(value.asText());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(file + ": \"" + member + "\" is not a URI: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String member, Path file) {
        JsonNode value = root.get(member);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(file + ": member \"" + member + "\" is required and must be a non-empty string");
        }
        return value.asText();
    }
}
