package io.sphere.core.cardtype;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupService;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;

/**
 * Writes a card type to a JSON file and reads one back (format in docs/card-type-format.md). Groups travel by
 * name; an import that names a group this installation does not have is refused with the missing names, so that
 * permissions are never granted to a group nobody chose.
 */
@ApplicationScoped
@Transactional
public class CardTypeExchange {

    public static final String FORMAT = "sphere-card-type";
    public static final int FORMAT_VERSION = 1;
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public record ImportResult(CardTypeView type, boolean created) {
    }

    private final CardTypeService types;
    private final PermissionService permissions;
    private final GroupService groups;

    CardTypeExchange(CardTypeService types, PermissionService permissions, GroupService groups) {
        this.types = types;
        this.permissions = permissions;
        this.groups = groups;
    }

    /** The type as a format-1 file; needs ADMINISTER on it. */
    public String export(Actor actor, String key) {
        CardTypeView type = types.get(actor, key);
        Map<Long, Set<Action>> matrix = permissions.matrix(actor, type.id());
        Set<Long> groupIds = new LinkedHashSet<>(matrix.keySet());
        type.definition().transitions().forEach(t -> groupIds.addAll(t.allowedGroupIds()));
        Map<Long, String> names = groups.namesOf(groupIds);

        ObjectNode root = STRICT.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("key", type.key());
        root.put("name", type.name());
        root.put("description", type.description());
        ObjectNode definition = STRICT.valueToTree(type.definition());
        for (JsonNode t : definition.withArray("transitions")) {
            ObjectNode transition = (ObjectNode) t;
            ArrayNode allowed = STRICT.createArrayNode();
            transition.remove("allowedGroupIds").forEach(id -> allowed.add(names.get(id.asLong())));
            transition.set("allowedGroups", allowed);
        }
        root.set("definition", definition);
        ObjectNode perms = root.putObject("permissions");
        Map<String, Set<Action>> byName = new TreeMap<>();
        matrix.forEach((id, actions) -> byName.put(names.get(id), actions));
        byName.forEach((name, actions) -> {
            ArrayNode list = perms.putArray(name);
            actions.stream().sorted().forEach(a -> list.add(a.name()));
        });
        try {
            return STRICT.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write card type " + key, e);
        }
    }

    /**
     * Creates the type (superuser) or updates the existing one with the same key (ADMINISTER), then replaces its
     * permission matrix with the file's. Problems name their location: {@code line 3, column 7} for syntax, a path
     * such as {@code definition.transitions[1].to} otherwise.
     */
    public ImportResult importJson(Actor actor, String json) {
        if (json == null || json.isBlank()) {
            throw new SphereException(ErrorCode.IMPORT_SYNTAX, "$", Map.of("line", 1, "column", 1, "detail",
                    "the file is empty"));
        }
        if (json.length() > MAX_BYTES) {
            throw new SphereException(ErrorCode.IMPORT_INVALID, "$", Map.of("detail", "larger than 5 MB"));
        }
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SphereException(ErrorCode.IMPORT_SYNTAX, "$",
                    Map.of("line", at == null ? 0 : at.getLineNr(), "column", at == null ? 0 : at.getColumnNr(),
                            "detail", e.getOriginalMessage()));
        }
        if (!root.isObject()) {
            throw invalid("$", "a JSON object is expected");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw invalid("format", "must be \"" + FORMAT + "\"");
        }
        JsonNode version = root.path("formatVersion");
        if (!version.isInt() || version.asInt() != FORMAT_VERSION) {
            throw new SphereException(ErrorCode.IMPORT_FORMAT_VERSION, "formatVersion",
                    Map.of("found", version.isMissingNode() ? "none" : version.toString(), "supported",
                            FORMAT_VERSION));
        }
        String key = text(root, "key");
        String name = text(root, "name");
        String description = root.path("description").isTextual() ? root.get("description").asText() : "";
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!Set.of("format", "formatVersion", "key", "name", "description", "definition", "permissions")
                    .contains(field)) {
                throw invalid(field, "unknown property");
            }
        }
        JsonNode definitionNode = root.path("definition");
        if (!definitionNode.isObject()) {
            throw invalid("definition", "an object with fields, stages and transitions is expected");
        }
        ObjectNode definitionCopy = definitionNode.deepCopy();
        List<String> unknownGroups = new ArrayList<>();
        List<String> allNames = new ArrayList<>();
        JsonNode transitions = definitionCopy.path("transitions");
        if (transitions.isArray()) {
            for (JsonNode t : transitions) {
                t.path("allowedGroups").forEach(n -> allNames.add(n.asText()));
            }
        }
        JsonNode permsNode = root.path("permissions");
        if (!permsNode.isMissingNode() && !permsNode.isObject()) {
            throw invalid("permissions", "an object of group name → list of actions is expected");
        }
        permsNode.fieldNames().forEachRemaining(allNames::add);
        Map<String, Long> ids = groups.idsByName(allNames);
        allNames.stream().filter(n -> !ids.containsKey(n) && !unknownGroups.contains(n)).forEach(unknownGroups::add);
        if (!unknownGroups.isEmpty()) {
            throw new SphereException(ErrorCode.IMPORT_GROUP_UNKNOWN, "permissions",
                    Map.of("groups", String.join(", ", unknownGroups)));
        }
        if (transitions.isArray()) {
            for (int i = 0; i < transitions.size(); i++) {
                if (!(transitions.get(i) instanceof ObjectNode t)) {
                    continue;
                }
                JsonNode allowed = t.remove("allowedGroups");
                if (allowed != null && !allowed.isArray()) {
                    throw invalid("definition.transitions[" + i + "].allowedGroups", "a list of group names");
                }
                ArrayNode idList = t.putArray("allowedGroupIds");
                if (allowed != null) {
                    allowed.forEach(n -> idList.add(ids.get(n.asText())));
                }
            }
        }
        CardTypeDefinition definition;
        try {
            definition = STRICT.treeToValue(definitionCopy, CardTypeDefinition.class);
        } catch (JsonMappingException e) {
            throw invalid("definition" + path(e), e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("definition", e.getMessage());
        }
        Map<Long, Set<Action>> matrix = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = permsNode.fields(); it.hasNext();) {
            var entry = it.next();
            if (!entry.getValue().isArray()) {
                throw invalid("permissions." + entry.getKey(), "a list of actions is expected");
            }
            Set<Action> actions = EnumSet.noneOf(Action.class);
            int j = 0;
            for (JsonNode a : entry.getValue()) {
                try {
                    actions.add(Action.valueOf(a.asText()));
                } catch (IllegalArgumentException e) {
                    throw invalid("permissions." + entry.getKey() + "[" + j + "]",
                            "unknown action " + a + "; one of " + List.of(Action.values()));
                }
                j++;
            }
            matrix.merge(ids.get(entry.getKey()), actions, (x, y) -> {
                x.addAll(y);
                return x;
            });
        }
        CardTypeView result;
        boolean created;
        try {
            var existing = types.findByKey(key);
            if (existing.isEmpty()) {
                result = types.create(actor, key, name, description, definition);
                created = true;
            } else {
                types.get(actor, key);
                result = types.update(actor, key, existing.get().version(), name, description, definition);
                created = false;
            }
        } catch (SphereException e) {
            throw located(e);
        }
        permissions.setMatrix(actor, result.id(), matrix);
        return new ImportResult(result, created);
    }

    private static SphereException located(SphereException e) {
        String field = e.field();
        if (field == null || field.equals("key") || field.equals("name") || field.equals("description")
                || field.equals("definition")) {
            return e;
        }
        return new SphereException(e.code(), "definition." + field, e.args());
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.path(field);
        if (!n.isTextual()) {
            throw invalid(field, "a string is expected");
        }
        return n.asText();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            }
        }
        return sb.toString();
    }

    private static SphereException invalid(String path, String detail) {
        return new SphereException(ErrorCode.IMPORT_INVALID, path,
                Map.of("detail", detail == null ? "invalid" : detail));
    }

}
