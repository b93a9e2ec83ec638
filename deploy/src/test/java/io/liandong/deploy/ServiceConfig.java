package io.liandong.deploy;

import io.liandong.contracts.Service;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service reads from configuration, gathered from the repository: the keys of its
 * {@code application.properties}, the shared defaults of platform-support, the properties of every
 * {@code @ConfigMapping} in its sources and in platform-support's, and the environment variables its
 * properties name in {@code ${...}} expressions. An environment variable set for the service must
 * map to one of these, as SmallRye Config maps them: every character but letters and digits becomes
 * {@code _}, upper case ({@code quarkus.datasource.jdbc.url} ← {@code QUARKUS_DATASOURCE_JDBC_URL}).
 */
record ServiceConfig(Service service, String shortName, Properties properties, Properties platform, Set<String> keys,
                     Set<String> environment) {

    /** Kafka client security settings. Quarkus hands every {@code kafka.*} property to the Kafka clients,
     *  so these are set for the cluster rather than declared by a service. */
    static final Set<String> KAFKA_CLIENT_SECURITY = Set.of(
            "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_LOCATION");

    /** Quarkus's default pool size when {@code quarkus.datasource.jdbc.max-size} is set neither by the service nor
     *  by platform-support. */
    static final int QUARKUS_DEFAULT_POOL_SIZE = 50;

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?}");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");

    static ServiceConfig of(Service service) {
        Path root = Repository.root();
        Path module = Repository.serviceModule(service);
        Properties properties = load(module.resolve("src/main/resources/application.properties"));
        Properties platform = load(root.resolve("platform-support/src/main/resources/META-INF/microprofile-config.properties"));

        Set<String> keys = new TreeSet<>();
        Set<String> environment = new TreeSet<>();
        for (Properties source : new Properties[] {properties, platform}) {
            for (String key : source.stringPropertyNames()) {
                keys.add(withoutProfile(key));
                Matcher expression = EXPRESSION.matcher(source.getProperty(key));
                while (expression.find()) {
                    environment.add(expression.group(1));
                }
            }
        }
        keys.addAll(mappingKeys(module.resolve("src/main/java")));
        keys.addAll(mappingKeys(root.resolve("platform-support/src/main/java")));
        for (String key : keys) {
            environment.add(environmentName(key));
        }
        environment.addAll(KAFKA_CLIENT_SECURITY);
        String shortName = properties.getProperty("liandong.platform.service");
        if (shortName == null) {
            throw new IllegalStateException(service.serviceName() + " sets no liandong.platform.service");
        }
        return new ServiceConfig(service, shortName, properties, platform, Set.copyOf(keys), Set.copyOf(environment));
    }

    /** The topics the service subscribes to ({@code mp.messaging.incoming.<channel>.topic}). */
    Set<String> incomingTopics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (INCOMING_TOPIC.matcher(withoutProfile(key)).matches()) {
                topics.add(properties.getProperty(key).trim());
            }
        }
        return topics;
    }

    /** The most connections one replica opens to PostgreSQL: the service's own setting, else platform-support's. */
    int poolSize() {
        for (Properties source : new Properties[] {properties, platform}) {
            for (String key : source.stringPropertyNames()) {
                if (withoutProfile(key).equals("quarkus.datasource.jdbc.max-size")) {
                    return Integer.parseInt(source.getProperty(key).trim());
                }
            }
        }
        return QUARKUS_DEFAULT_POOL_SIZE;
    }

    boolean knows(String environmentVariable) {
        return environment.contains(environmentVariable);
    }

    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") && key.indexOf('.') > 0 ? key.substring(key.indexOf('.') + 1) : key;
    }

    private static Set<String> mappingKeys(Path sources) {
        if (!Files.isDirectory(sources)) {
            return Set.of();
        }
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .map(Repository::read)
                    .filter(text -> text.contains("@ConfigMapping"))
                    .forEach(text -> keys.addAll(ConfigMappings.keys(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repository.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
