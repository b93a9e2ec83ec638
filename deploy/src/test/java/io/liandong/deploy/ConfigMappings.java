package io.liandong.deploy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property names a {@code @ConfigMapping} interface reads, found in its Java source (the services
 * are Quarkus applications this plain module does not load). Follows SmallRye Config's defaults:
 * {@code prefix + "." + kebab-case(method)}, nested interfaces as groups, {@code @WithName} honoured.
 */
final class ConfigMappings {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"[^)]*\\)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    /** One abstract accessor: annotations, return type, name, no parameters. */
    private static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\([^)]*\\))?\\s*)*)([\\w.]+(?:<.*>)?(?:\\[\\])?)\\s+(\\w+)\\s*\\(\\s*\\)");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");

    private ConfigMappings() {
    }

    /** Property names of the mapping in one source file; empty when it declares none. */
    static Set<String> keys(String javaSource) {
        String source = javaSource.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        Matcher mapping = MAPPING.matcher(source);
        if (!mapping.find()) {
            return Set.of();
        }
        Map<String, String> bodies = interfaceBodies(source);
        Matcher root = INTERFACE.matcher(source);
        if (!root.find(mapping.end())) {
            return Set.of();
        }
        Set<String> keys = new TreeSet<>();
        collect(root.group(1), mapping.group(1), bodies, keys, 0);
        return keys;
    }

    private static void collect(String type, String prefix, Map<String, String> bodies, Set<String> keys, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("config groups nested too deep under " + prefix);
        }
        for (String statement : ownMembers(bodies.get(type)).split(";")) {
            Matcher method = METHOD.matcher(statement.trim());
            if (!method.matches()) {
                continue;
            }
            String annotations = method.group(1);
            if (annotations.contains("@WithParentName")) {
                continue;
            }
            String returnType = method.group(2).replaceAll("<.*", "");
            Matcher withName = WITH_NAME.matcher(annotations);
            String name = withName.find() ? withName.group(1) : kebab(method.group(3));
            String key = prefix + "." + name;
            if (bodies.containsKey(returnType)) {
                collect(returnType, key, bodies, keys, depth + 1);
            } else {
                keys.add(key);
            }
        }
    }

    /** The text of every interface body in the file, by simple name. */
    private static Map<String, String> interfaceBodies(String source) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher m = INTERFACE.matcher(source);
        while (m.find()) {
            int open = m.end() - 1;
            bodies.put(m.group(1), source.substring(open + 1, closing(source, open)));
        }
        return bodies;
    }

    /** A body without the bodies nested in it: their methods belong to them. */
    private static String ownMembers(String body) {
        StringBuilder own = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                if (depth == 0) {
                    // A nested type or a default method: its whole declaration is not an accessor.
                    own.append(" {BODY};");
                }
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                own.append(c);
            }
        }
        return own.toString();
    }

    private static int closing(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            if (source.charAt(i) == '{') {
                depth++;
            } else if (source.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
