package org.jointcall.gateway.agency;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * Reads one {@code agency.json}: the one validator for agency configuration, whether it comes from
 * the configuration directory at startup or through the admin API. Strict on purpose: an unknown
 * member is more likely a typo ({@code "endpiont"}) than something to ignore, and the code inside
 * must name the directory it sits in, so a copied folder cannot silently speak for the agency it was
 * copied from. Every problem found is reported, not only the first.
 */
public final class AgencyFile {

    public static final String NAME = "agency.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> MEMBERS = Set.of("agency", "mode", "endpoint", "receiptRequired", "statusEndpoint");
    private static final String EXAMPLE = "{\"agency\":\"NSF\",\"mode\":\"push\",\"endpoint\":\"https://…/inbound\",\"receiptRequired\":true}";

    private AgencyFile() {
    }

    static Agency read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationRejected(file.toString(), List.of("unreadable: " + e.getMessage()), e);
        }
        return parse(content, file.getParent().getFileName().toString(), file.toString());
    }

    /**
     * The agency {@code content} configures, as the {@code agency.json} of directory {@code directory}.
     *
     * @param source what to call the document in messages (its file, or the API request)
     * @throws ConfigurationRejected listing every problem
     */
    public static Agency parse(byte[] content, String directory, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new ConfigurationRejected(source, List.of("not valid JSON: " + e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ConfigurationRejected(source, List.of("unreadable: " + e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationRejected(source, List.of("must be a JSON object such as " + EXAMPLE));
        }
        List<String> problems = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                problems.add("unknown member \"" + name + "\"; expected " + MEMBERS);
            }
        });
        String code = text(root, "agency", problems);
        if (code != null && !code.equals(directory)) {
            problems.add("\"agency\" is " + code + " but the file is in the directory of " + directory);
        }
        DeliveryMode mode = mode(text(root, "mode", problems), problems);
        URI endpoint = uri(root, "endpoint", problems);
        URI statusEndpoint = uri(root, "statusEndpoint", problems);
        JsonNode receiptRequired = root.get("receiptRequired");
        if (receiptRequired != null && !receiptRequired.isBoolean()) {
            problems.add("\"receiptRequired\" must be true or false, not " + receiptRequired);
        }
        AgencyId agency = null;
        if (code != null) {
            try {
                agency = AgencyId.of(code);
            } catch (ContractViolation | IllegalArgumentException e) {
                problems.add("\"agency\": " + e.getMessage());
            }
        }
        if (agency != null && mode != null) {
            try {
                Agency configured = new Agency(agency, mode, endpoint, receiptRequired == null || receiptRequired.asBoolean(), statusEndpoint);
                if (problems.isEmpty()) {
                    return configured;
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        throw new ConfigurationRejected(source, problems);
    }

    private static DeliveryMode mode(String mode, List<String> problems) {
        if (mode == null) {
            return null;
        }
        try {
            return DeliveryMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("\"mode\" is \"" + mode + "\", expected \"push\" or \"pull\"");
            return null;
        }
    }

    private static URI uri(JsonNode root, String member, List<String> problems) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return new URI(value.asText());
        } catch (URISyntaxException e) {
            problems.add("\"" + member + "\" is not a URI: " + e.getMessage());
            return null;
        }
    }

    private static String text(JsonNode root, String member, List<String> problems) {
        JsonNode value = root.get(member);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            problems.add("member \"" + member + "\" is required and must be a non-empty string");
            return null;
        }
        return value.asText();
    }
}
